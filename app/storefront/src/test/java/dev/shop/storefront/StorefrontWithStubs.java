package dev.shop.storefront;

import dev.shop.localstack.DataStoresTestResource;
import dev.shop.storefront.stubs.DownstreamStubsResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} of the storefront on a real Redis, with catalog and orders stubbed; every test starts with
 * both stubs up and fresh ({@link dev.shop.storefront.stubs.FreshDownstreams}). All classes share one application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@QuarkusTest
@WithTestResource(value = DataStoresTestResource.class,
        initArgs = @ResourceArg(name = DataStoresTestResource.REDIS, value = "true"))
@WithTestResource(DownstreamStubsResource.class)
public @interface StorefrontWithStubs {
}
