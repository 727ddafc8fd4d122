package dev.shop.orders;

import dev.shop.localstack.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the {@link CatalogStub} and points orders' catalog REST client at it. */
public class CatalogStubResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: orders' per-attempt read timeout for catalog, in milliseconds. */
    public static final String READ_TIMEOUT = "read-timeout";
    /** Init arg: how long orders answers a checkout within (an ISO-8601 duration). */
    public static final String ANSWER_WITHIN = "answer-within";
    /** Init arg: how often orders asks catalog again for owed releases (an ISO-8601 duration). */
    public static final String RELEASE_RETRY_EVERY = "release-retry-every";

    private CatalogStub stub;
    private String readTimeout = "700";
    // an outage is answered as such even on a loaded build machine, never as "in progress"
    private String answerWithin = "PT20S";
    // owed releases are asked for again quickly, so a test sees them made
    private String releaseRetryEvery = "PT1S";

    @Override
    public void init(Map<String, String> initArgs) {
        readTimeout = initArgs.getOrDefault(READ_TIMEOUT, readTimeout);
        answerWithin = initArgs.getOrDefault(ANSWER_WITHIN, answerWithin);
        releaseRetryEvery = initArgs.getOrDefault(RELEASE_RETRY_EVERY, releaseRetryEvery);
    }

    @Override
    public Map<String, String> start() {
        stub = new CatalogStub(FreePort.find());
        stub.start();
        return Map.of(
                "quarkus.rest-client.catalog.url", stub.url(),
                // short per-attempt timeouts keep the timeout test quick
                "quarkus.rest-client.catalog.read-timeout", readTimeout,
                "orders.checkout.answer-within", answerWithin,
                "orders.checkout.release-retry-every", releaseRetryEvery);
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
