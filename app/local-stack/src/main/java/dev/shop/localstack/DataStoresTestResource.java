package dev.shop.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Quarkus test resource of the shop: a real PostgreSQL and/or a real Redis from Maven-provided
 * binaries, no Docker. Arguments (from {@code @WithTestResource(initArgs = ...)}):
 * <ul>
 *   <li>{@code postgres.database}: start PostgreSQL with this database and point the default datasource at it;</li>
 *   <li>{@code redis}: {@code true} to start Redis and point {@code quarkus.redis.hosts} at it.</li>
 * </ul>
 */
public class DataStoresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String POSTGRES_DATABASE = "postgres.database";
    public static final String REDIS = "redis";

    private String database;
    private boolean redisWanted;
    private Path dataDir;
    private LocalPostgres postgres;
    private LocalRedis redis;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(POSTGRES_DATABASE);
        redisWanted = Boolean.parseBoolean(initArgs.getOrDefault(REDIS, "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            dataDir = Files.createTempDirectory("shop-test-stores");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (database != null) {
            postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0, List.of(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", LocalPostgres.USERNAME);
            config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        }
        if (redisWanted) {
            redis = LocalRedis.start(null, 0);
            config.put("quarkus.redis.hosts", redis.hostsUrl());
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new DataStores(postgres, redis),
                new TestInjector.AnnotatedAndMatchesType(InjectDataStores.class, DataStores.class));
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        Folders.deleteRecursively(dataDir);
    }
}
