package dev.shop.localstack;

/**
 * The data stores a test runs against, injected into fields annotated {@link InjectDataStores} by
 * {@link DataStoresTestResource}. Tests use it to take a store down and bring it back.
 */
public record DataStores(LocalPostgres postgres, LocalRedis redis) {

    public LocalPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("this test resource was started without PostgreSQL");
        }
        return postgres;
    }

    public LocalRedis redis() {
        if (redis == null) {
            throw new IllegalStateException("this test resource was started without Redis");
        }
        return redis;
    }
}
