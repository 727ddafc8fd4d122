package dev.shop.storefront.stubs;

import dev.shop.localstack.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the catalog and orders stubs on free loopback ports and points the REST clients at them. */
public class DownstreamStubsResource implements QuarkusTestResourceLifecycleManager {

    private Downstreams downstreams;

    @Override
    public Map<String, String> start() {
        CatalogStub catalog = new CatalogStub(FreePort.find());
        OrdersStub orders = new OrdersStub(FreePort.find(), catalog);
        downstreams = new Downstreams(catalog, orders);
        downstreams.reset();
        return Map.of(
                "quarkus.rest-client.catalog.url", catalog.url(),
                "quarkus.rest-client.orders.url", orders.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(downstreams,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstreams.class, Downstreams.class));
    }

    @Override
    public void stop() {
        downstreams.catalog().stop();
        downstreams.orders().stop();
    }
}
