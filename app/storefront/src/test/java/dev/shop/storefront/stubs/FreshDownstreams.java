package dev.shop.storefront.stubs;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before each storefront test: both stubs up, with the initial products and no orders. A stub's answer that
 * differed from its provider's contract since the last test fails this one ({@link dev.shop.localstack.ContractStub#reset()}).
 */
public class FreshDownstreams implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        DownstreamStubsResource.running().reset();
    }
}
