package dev.shop.orders;

import dev.shop.localstack.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the {@link CatalogStub} and points orders' catalog REST client at it. */
public class CatalogStubResource implements QuarkusTestResourceLifecycleManager {

    private CatalogStub stub;

    @Override
    public Map<String, String> start() {
        stub = new CatalogStub(FreePort.find());
        stub.start();
        return Map.of(
                "quarkus.rest-client.catalog.url", stub.url(),
                // short per-attempt timeouts keep the timeout test quick
                "quarkus.rest-client.catalog.read-timeout", "700");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectCatalogStub.class, CatalogStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
