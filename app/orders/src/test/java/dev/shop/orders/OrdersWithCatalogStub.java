package dev.shop.orders;

import dev.shop.localstack.DataStoresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} of orders on its own real PostgreSQL database, with catalog played by {@link CatalogStub}
 * with the default timeouts. All classes share one application.
 */
@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.POSTGRES_DATABASE, value = "orders"))
@WithTestResource(CatalogStubResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OrdersWithCatalogStub {
}
