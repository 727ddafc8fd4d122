package dev.shop.storefront.stubs;

import dev.shop.localstack.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the catalog and orders stubs on free loopback ports and points the REST clients at them. */
public class DownstreamStubsResource implements QuarkusTestResourceLifecycleManager {

    private static Downstreams running;

    /** The stubs of the storefront application under test. */
    static synchronized Downstreams running() {
        if (running == null) {
            throw new IllegalStateException("no stubs running: a storefront test is annotated @StorefrontWithStubs");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        CatalogStub catalog = new CatalogStub(FreePort.find());
        OrdersStub orders = new OrdersStub(FreePort.find(), catalog);
        Downstreams downstreams = new Downstreams(catalog, orders);
        downstreams.reset();
        synchronized (DownstreamStubsResource.class) {
            running = downstreams;
        }
        return Map.of(
                "quarkus.rest-client.catalog.url", catalog.url(),
                "quarkus.rest-client.orders.url", orders.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(running(),
                new TestInjector.AnnotatedAndMatchesType(InjectDownstreams.class, Downstreams.class));
    }

    @Override
    public void stop() {
        Downstreams downstreams = running();
        downstreams.catalog().stop();
        downstreams.orders().stop();
        synchronized (DownstreamStubsResource.class) {
            running = null;
        }
    }
}
