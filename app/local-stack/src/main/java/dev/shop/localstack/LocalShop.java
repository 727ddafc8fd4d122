package dev.shop.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole shop on one machine: PostgreSQL and Redis from Maven-provided binaries, then catalog,
 * orders and storefront from their packaged jars, wired by environment variables the way the
 * Kubernetes manifests wire them. Used by the local run ({@link LocalShopMain}) and the system tests.
 */
public final class LocalShop implements AutoCloseable {

    public static final String CATALOG = "catalog";
    public static final String ORDERS = "orders";
    public static final String STOREFRONT = "storefront";

    /** The connections between parts of the shop that can run through a {@link FaultProxy}. */
    public enum Link {
        STOREFRONT_TO_ORDERS, STOREFRONT_TO_REDIS, ORDERS_TO_CATALOG, ORDERS_TO_POSTGRES, CATALOG_TO_POSTGRES
    }

    /**
     * Where things are and which ports they use. Port 0 picks a free port (tests); the local run uses
     * the documented ports (storefront 8080, catalog 8081, orders 8082).
     */
    public record Options(Path appDir, Path dataDir, int storefrontPort, int catalogPort, int ordersPort,
                          int postgresPort, int redisPort, String adminUsername, String adminPassword,
                          Consumer<String> output, Map<String, String> extraEnvironment) {

        /** The documented local ports, data kept in {@code dataDir}. */
        public static Options localRun(Path appDir, Path dataDir, String adminPassword, Consumer<String> output) {
            return new Options(appDir, dataDir, 8080, 8081, 8082, 15432, 16379, "admin", adminPassword, output,
                    Map.of());
        }

        /** Free ports everywhere, for tests. */
        public static Options forTests(Path appDir, Path dataDir, Consumer<String> output) {
            return new Options(appDir, dataDir, 0, 0, 0, 0, 0, "admin", "test-admin-password", output, Map.of());
        }

        /** The same, with {@code environment} given to every service on top of (or instead of) the usual. */
        public Options withEnvironment(Map<String, String> environment) {
            return new Options(appDir, dataDir, storefrontPort, catalogPort, ordersPort, postgresPort, redisPort,
                    adminUsername, adminPassword, output, Map.copyOf(environment));
        }
    }

    private final Options options;
    private final LocalPostgres postgres;
    private final LocalRedis redis;
    private final TraceReceiver traceReceiver = TraceReceiver.start();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> extraStorefronts = new ArrayList<>();
    private final Map<Link, FaultProxy> proxies = new EnumMap<>(Link.class);
    private final boolean behindProxies;

    private LocalShop(Options options, LocalPostgres postgres, LocalRedis redis, boolean behindProxies) {
        this.options = options;
        this.postgres = postgres;
        this.redis = redis;
        this.behindProxies = behindProxies;
    }

    /** Starts the data stores and the three services, catalog first since the others call it. */
    public static LocalShop start(Options options) {
        return start(options, false);
    }

    /** As {@link #start(Options)}, with a {@link FaultProxy} on every {@link Link}, for fault-injection tests. */
    public static LocalShop startBehindFaultProxies(Options options) {
        return start(options, true);
    }

    private static LocalShop start(Options options, boolean behindProxies) {
        LocalPostgres postgres = LocalPostgres.start(options.dataDir().resolve("postgres"), options.postgresPort(),
                List.of(CATALOG, ORDERS));
        LocalRedis redis;
        try {
            redis = LocalRedis.start(options.dataDir().resolve("redis"), options.redisPort());
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
        LocalShop shop = new LocalShop(options, postgres, redis, behindProxies);
        try {
            shop.addService(CATALOG, options.catalogPort(), shop.catalogEnvironment());
            int catalogPort = shop.service(CATALOG).port();
            shop.addService(ORDERS, options.ordersPort(), shop.ordersEnvironment(catalogPort));
            shop.addService(STOREFRONT, options.storefrontPort(),
                    shop.storefrontEnvironment(catalogPort, shop.service(ORDERS).port()));
            for (ServiceProcess service : shop.services.values()) {
                service.start();
            }
        } catch (RuntimeException e) {
            shop.close();
            throw e;
        }
        return shop;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** A second (third, ...) storefront sharing the same Redis and backends: the stateless-pods check. */
    public ServiceProcess startExtraStorefront() {
        String name = STOREFRONT + "-" + (extraStorefronts.size() + 2);
        ServiceProcess extra = new ServiceProcess(name, runJar(STOREFRONT), FreePort.find(),
                withOptions(name, storefrontEnvironment(service(CATALOG).port(), service(ORDERS).port())),
                options.output());
        extraStorefronts.add(extra);
        extra.start();
        return extra;
    }

    /** The proxy on a link; only for a shop started {@link #startBehindFaultProxies behind fault proxies}. */
    public FaultProxy proxy(Link link) {
        FaultProxy proxy = proxies.get(link);
        if (proxy == null) {
            throw new IllegalStateException("no proxy on " + link + ": start the shop behind fault proxies");
        }
        return proxy;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalRedis redis() {
        return redis;
    }

    /** Where the services export their traces. */
    public TraceReceiver traceReceiver() {
        return traceReceiver;
    }

    public String adminUsername() {
        return options.adminUsername();
    }

    public String adminPassword() {
        return options.adminPassword();
    }

    /** Stops everything in reverse order of start; safe to call twice. */
    @Override
    public void close() {
        extraStorefronts.forEach(ServiceProcess::stop);
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        proxies.values().forEach(FaultProxy::close);
        traceReceiver.close();
        redis.stop();
        postgres.stop();
    }

    private void addService(String name, int port, Map<String, String> environment) {
        services.put(name, new ServiceProcess(name, runJar(name), port == 0 ? FreePort.find() : port,
                withOptions(name, environment), options.output()));
    }

    /** Traces to this shop's receiver, then what the options add or override. */
    private Map<String, String> withOptions(String name, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traceReceiver.endpointFor(name));
        env.putAll(options.extraEnvironment());
        return env;
    }

    private Path runJar(String service) {
        return options.appDir().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Map<String, String> common() {
        Map<String, String> env = new LinkedHashMap<>();
        // people read these logs in a terminal; the prod profile's JSON is for the cluster
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // a laptop's shop is for its owner: listen on loopback only, not on every interface
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return env;
    }

    /** The port a client on {@code link} connects to: the proxy's when there is one, else the target's. */
    private int port(Link link, int targetPort) {
        if (!behindProxies) {
            return targetPort;
        }
        return proxies.computeIfAbsent(link, created -> FaultProxy.start(created.name(), targetPort)).port();
    }

    private Map<String, String> database(String name, Link link) {
        Map<String, String> env = common();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", LocalPostgres.jdbcUrl(port(link, postgres.port()), name));
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USERNAME);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        return env;
    }

    private Map<String, String> catalogEnvironment() {
        Map<String, String> env = database(CATALOG, Link.CATALOG_TO_POSTGRES);
        env.put("SHOP_ADMIN_USERNAME", options.adminUsername());
        env.put("SHOP_ADMIN_PASSWORD", options.adminPassword());
        return env;
    }

    private Map<String, String> ordersEnvironment(int catalogPort) {
        Map<String, String> env = database(ORDERS, Link.ORDERS_TO_POSTGRES);
        if (behindProxies) {
            // fault tests wait for releases owed to catalog: ask again every 2 s instead of 30 s
            env.put("ORDERS_CHECKOUT_RELEASE_RETRY_EVERY", "PT2S");
        }
        env.put("QUARKUS_REST_CLIENT_CATALOG_URL", "http://127.0.0.1:" + port(Link.ORDERS_TO_CATALOG, catalogPort));
        return env;
    }

    private Map<String, String> storefrontEnvironment(int catalogPort, int ordersPort) {
        Map<String, String> env = common();
        env.put("QUARKUS_REDIS_HOSTS", LocalRedis.hostsUrl(port(Link.STOREFRONT_TO_REDIS, redis.port())));
        env.put("QUARKUS_REST_CLIENT_CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        env.put("QUARKUS_REST_CLIENT_ORDERS_URL", "http://127.0.0.1:" + port(Link.STOREFRONT_TO_ORDERS, ordersPort));
        return env;
    }
}
