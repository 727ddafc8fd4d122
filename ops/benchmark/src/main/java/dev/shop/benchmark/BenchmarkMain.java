package dev.shop.benchmark;

import dev.shop.benchmark.GatlingOutput.Level;
import dev.shop.localstack.LocalShop;
import dev.shop.localstack.ServiceProcess;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ops/bin/benchmark}: starts the whole shop on free ports with fresh data (LocalShop, as the local
 * run does), measures start-to-ready and memory of each service, then for each request type the highest
 * fixed arrival rate with p95 <= 100 ms and no error, next to the same figure for a trivial endpoint of
 * the same service. Writes a Markdown report under {@code ops/benchmark/target/benchmarks/}.
 *
 * <p>Properties: {@code bench.repoRoot} (required), {@code bench.types} (comma list, default
 * {@code catalog-list,product-page,add-to-cart,checkout}; each is measured right after its ceiling),
 * {@code bench.repeats} (1), {@code bench.levelSeconds} (15), {@code bench.startRate} (25),
 * {@code bench.maxRate} (6400), {@code bench.refinements} (2), {@code bench.sessions} (2000),
 * {@code bench.cpuRate} (25: after the warm-up, one level at this fixed rate measures the CPU milliseconds
 * each request costs every process of the shop; 0 skips it), {@code bench.cpuSeconds} (30),
 * {@code bench.warmUpSeconds} (15; the CPU level wants the JIT done: 60 and more),
 * {@code bench.search} (true; false measures only the CPU level, no rate search and no ceiling),
 * {@code bench.appsFrom} (the repository root whose packaged services are measured; default the running one,
 * another worktree measures another commit with the same driver).
 */
public final class BenchmarkMain {

    private static final int UNLIMITED_STOCK = 1_000_000;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final int WARM_UP_RATE_FACTOR = 4;
    /** How long the shop idles before the CPU level, to measure what it uses without requests. */
    private static final Duration IDLE = Duration.ofSeconds(20);

    private final Path repoRoot;
    private final Path outDir;
    private final List<RequestType> types;
    private final int repeats;
    private final Duration levelLength;
    /** Before each search, at 4 x the start rate (bench.warmUpSeconds): for the JIT to compile the hot path. */
    private final Duration warmUp;
    private final double startRate;
    private final double maxRate;
    private final int refinements;
    private final int sessionCount;
    private final double cpuRate;
    private final Duration cpuLength;
    private final Path appsFrom;
    private final boolean searchRates;
    private final ShopData shopData = new ShopData();
    private final StringBuilder report = new StringBuilder();
    private final Map<String, Long> peakUnderLoad = new LinkedHashMap<>();

    private BenchmarkMain(Path repoRoot, Path outDir) {
        this.repoRoot = repoRoot;
        this.outDir = outDir;
        this.types = Arrays.stream(System.getProperty("bench.types",
                        "catalog-list,product-page,add-to-cart,checkout").split(","))
                .map(String::strip).map(RequestType::fromProperty).toList();
        this.repeats = Integer.getInteger("bench.repeats", 1);
        this.levelLength = Duration.ofSeconds(Integer.getInteger("bench.levelSeconds", 15));
        this.startRate = Double.parseDouble(System.getProperty("bench.startRate", "25"));
        this.maxRate = Double.parseDouble(System.getProperty("bench.maxRate", "6400"));
        this.refinements = Integer.getInteger("bench.refinements", 2);
        this.sessionCount = Integer.getInteger("bench.sessions", 2000);
        this.cpuRate = Double.parseDouble(System.getProperty("bench.cpuRate", "25"));
        this.cpuLength = Duration.ofSeconds(Integer.getInteger("bench.cpuSeconds", 30));
        this.warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 15));
        this.searchRates = Boolean.parseBoolean(System.getProperty("bench.search", "true"));
        this.appsFrom = Path.of(System.getProperty("bench.appsFrom", repoRoot.toString())).toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        String root = System.getProperty("bench.repoRoot");
        if (root == null) {
            System.err.println("benchmark: set -Dbench.repoRoot=<repository root> (ops/bin/benchmark does)");
            System.exit(2);
        }
        Path repoRoot = Path.of(root).toAbsolutePath().normalize();
        Path outDir = repoRoot.resolve("ops/benchmark/target/benchmarks")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(outDir);
        new BenchmarkMain(repoRoot, outDir).run();
    }

    private void run() throws IOException {
        Path servicesLog = outDir.resolve("services.log");
        PrintWriter serviceOutput = new PrintWriter(Files.newBufferedWriter(servicesLog, StandardCharsets.UTF_8), true);
        Path apps = copyPackagedServices();
        LocalShop.Options options = new LocalShop.Options(apps, outDir.resolve("data"),
                0, 0, 0, 0, 0, "admin", "bench-" + ProcessHandle.current().pid(), serviceOutput::println, Map.of());
        say("Starting the shop (services log: " + servicesLog + ") ...");
        LocalShop shop = LocalShop.start(options);
        Thread stopper = new Thread(shop::close, "benchmark-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            measure(shop);
        } finally {
            shop.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
            serviceOutput.close();
        }
        Path reportFile = outDir.resolve("report.md");
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        say("Report: " + reportFile);
    }

    /**
     * A private copy of each packaged service: other builds on this machine replace the services' target
     * folders while a run lasts, and a JVM whose jars change under it fails with NoSuchMethodError.
     */
    private Path copyPackagedServices() throws IOException {
        Path apps = outDir.resolve("app");
        for (String service : List.of(LocalShop.CATALOG, LocalShop.ORDERS, LocalShop.STOREFRONT)) {
            Path packaged = appsFrom.resolve("app").resolve(service).resolve("target/quarkus-app");
            Path copy = apps.resolve(service).resolve("target/quarkus-app");
            Files.walkFileTree(packaged, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Files.createDirectories(copy.resolve(packaged.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, copy.resolve(packaged.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return apps;
    }

    private void measure(LocalShop shop) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : shop.services()) {
            pids.put(service.name(), service.pid());
        }
        line("# Benchmark " + outDir.getFileName());
        line("");
        line("Services packaged in: " + appsFrom + " (commit " + commitOf(appsFrom) + ")");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + "; level length " + levelLength.toSeconds() + " s; goal p95 <= "
                + RequestRateSimulation.P95_GOAL_MILLIS + " ms with no failed request.");
        line("");
        line("Settings: " + String.join(" ", System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("bench.") && !name.equals("bench.repoRoot"))
                .map(name -> "-D" + name + "=" + System.getProperty(name)).toList())
                + "; passed to the services: " + String.join(" ", System.getenv().keySet().stream().sorted()
                .filter(name -> name.startsWith("QUARKUS_")).map(name -> name + "=" + System.getenv(name)).toList()));
        line("");
        sleep(SETTLE);
        line("## Services");
        line("");
        line("| service | start to ready (s) | RSS idle (MiB) |");
        line("| --- | ---: | ---: |");
        for (ServiceProcess service : shop.services()) {
            line(String.format(Locale.ROOT, "| %s | %.1f | %d |", service.name(),
                    service.lastStartToReady().toMillis() / 1000.0,
                    ProcessMemory.residentKib(service.pid()).orElse(0) / 1024));
        }
        line("");

        String storefrontUrl = "http://localhost:" + shop.service(LocalShop.STOREFRONT).port();
        String catalogUrl = "http://localhost:" + shop.service(LocalShop.CATALOG).port();
        shopData.restock(catalogUrl, shop.adminUsername(), shop.adminPassword(), UNLIMITED_STOCK);
        GatlingRun gatling = new GatlingRun(outDir.resolve("gatling"), outDir.resolve("gatling.log"));
        Map<RequestType, List<Double>> best = new LinkedHashMap<>();
        Map<RequestType, List<Double>> ceilings = new LinkedHashMap<>();
        Map<String, Long> cpuGroups = new LinkedHashMap<>(pids);
        shop.postgres().serverPid().ifPresent(pid -> cpuGroups.put("postgres", pid));
        ProcessCpu.findBelow(ProcessHandle.current().pid(), command -> command.startsWith("redis-server"))
                .ifPresent(pid -> cpuGroups.put("redis", pid));
        try (MemorySampler sampler = new MemorySampler(pids)) {
            Search search = new Search(gatling, sampler, pids, cpuGroups, storefrontUrl, catalogUrl);
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (RequestType type : types) {
                    // the ceiling right before the request it bounds: both see the same background load
                    if (type.ceiling() != null && searchRates) {
                        ceilings.computeIfAbsent(type, key -> new ArrayList<>())
                                .add(search.highestGoodRate(type.ceiling(), repeat));
                    }
                    best.computeIfAbsent(type, key -> new ArrayList<>()).add(search.highestGoodRate(type, repeat));
                }
            }
        }
        summary(best, ceilings);
    }

    /** Searches one request type's highest good rate, writing every level to the report. */
    private final class Search {

        private final GatlingRun gatling;
        private final MemorySampler sampler;
        private final Map<String, Long> pids;
        private final Map<String, Long> cpuGroups;
        private final String storefrontUrl;
        private final String catalogUrl;

        Search(GatlingRun gatling, MemorySampler sampler, Map<String, Long> pids, Map<String, Long> cpuGroups,
               String storefrontUrl, String catalogUrl) {
            this.gatling = gatling;
            this.sampler = sampler;
            this.pids = pids;
            this.cpuGroups = cpuGroups;
            this.storefrontUrl = storefrontUrl;
            this.catalogUrl = catalogUrl;
        }

        double highestGoodRate(RequestType type, int repeat) {
            Path sessions = outDir.resolve("sessions-" + type.propertyValue() + "-" + repeat + ".csv");
            if (type.service().equals(LocalShop.STOREFRONT) && type.ceiling() != null) {
                shopData.writeSessions(storefrontUrl, sessionCount, sessions);
            }
            Map<String, String> common = Map.of("bench.request", type.propertyValue(),
                    "bench.storefrontUrl", storefrontUrl, "bench.catalogUrl", catalogUrl,
                    "bench.sessions", sessions.toString());
            runLevel(gatling, common, type, startRate * WARM_UP_RATE_FACTOR, warmUp, "warm-up");
            sampler.takePeaksKib();
            line("## " + type.label() + " (run " + repeat + ")");
            line("");
            if (cpuRate > 0) {
                cpuPerRequest(common, type);
            }
            if (!searchRates) {
                return Double.NaN;
            }
            line("| rate (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | failed | requests | meets goal | "
                    + String.join(" | ", pids.keySet().stream().map(name -> name + " RSS (MiB)").toList()) + " |");
            line("| ---: | ---: | ---: | ---: | ---: | ---: | --- |" + " ---: |".repeat(pids.size()));
            RateSearch.Result result = RateSearch.run(startRate, maxRate, refinements, rate -> {
                Level level = runLevel(gatling, common, type, rate, levelLength, "level");
                Map<String, Long> peaks = sampler.takePeaksKib();
                peaks.forEach((name, kib) -> peakUnderLoad.merge(name, kib, Math::max));
                line(String.format(Locale.ROOT, "| %.0f | %.0f | %.0f | %.0f | %d | %d | %s | %s |",
                        level.rate(), level.p50(), level.p95(), level.p99(), level.failed(), level.requests(),
                        level.meetsGoal() ? "yes" : "no",
                        String.join(" | ", peaks.values().stream().map(kib -> Long.toString(kib / 1024)).toList())));
                return level;
            });
            line("");
            line(String.format(Locale.ROOT, "Highest rate meeting the goal: **%.0f req/s**", result.highestGoodRate()));
            line("");
            return result.highestGoodRate();
        }

        /**
         * CPU milliseconds per request of each process group at the fixed CPU rate, from {@code /proc} before
         * and after one level; and the same groups idle for {@link #IDLE} just before, so that what the
         * services use without work (timers, pool validation, metrics, trace export) can be told from what a
         * request costs. The level's window also spans the load generator's start, in which the shop idles.
         */
        private void cpuPerRequest(Map<String, String> common, RequestType type) {
            Map<String, Long> idleStart = ProcessCpu.millisByGroup(cpuGroups);
            long idleNanos = System.nanoTime();
            sleep(IDLE);
            Map<String, Long> before = ProcessCpu.millisByGroup(cpuGroups);
            long start = System.nanoTime();
            double idleSeconds = (start - idleNanos) / 1e9;
            Level level = runLevel(gatling, common, type, cpuRate, cpuLength, "CPU");
            Map<String, Long> after = ProcessCpu.millisByGroup(cpuGroups);
            double levelSeconds = (System.nanoTime() - start) / 1e9;
            long requests = Math.max(1, level.requests());
            List<String> perRequest = new ArrayList<>();
            List<String> idlePerSecond = new ArrayList<>();
            List<String> aboveIdle = new ArrayList<>();
            double total = 0;
            double totalIdle = 0;
            for (String group : cpuGroups.keySet()) {
                double used = after.get(group) - before.get(group);
                double idle = (before.get(group) - idleStart.get(group)) / idleSeconds;
                total += used;
                totalIdle += idle;
                perRequest.add(String.format(Locale.ROOT, "%.2f", used / requests));
                idlePerSecond.add(String.format(Locale.ROOT, "%.1f", idle));
                aboveIdle.add(String.format(Locale.ROOT, "%.2f", (used - idle * levelSeconds) / requests));
            }
            line("CPU at a fixed " + String.format(Locale.ROOT, "%.0f", cpuRate) + " req/s for "
                    + cpuLength.toSeconds() + " s (" + level.requests() + " requests, " + level.failed()
                    + " failed, p95 " + String.format(Locale.ROOT, "%.0f", level.p95()) + " ms; `/proc/<pid>/stat` of"
                    + " each process and its children; idle measured for " + IDLE.toSeconds() + " s just before):");
            line("");
            line("| CPU | " + String.join(" | ", cpuGroups.keySet()) + " | **total** |");
            line("| --- |" + " ---: |".repeat(cpuGroups.size()) + " ---: |");
            line(String.format(Locale.ROOT, "| ms per request | %s | **%.2f** |", String.join(" | ", perRequest), total / requests));
            line(String.format(Locale.ROOT, "| idle, ms per s | %s | **%.1f** |", String.join(" | ", idlePerSecond), totalIdle));
            line(String.format(Locale.ROOT, "| above idle, ms per request | %s | **%.2f** |", String.join(" | ", aboveIdle),
                    (total - totalIdle * levelSeconds) / requests));
            line("");
        }
    }

    private static String commitOf(Path repository) {
        try {
            Process git = new ProcessBuilder("git", "-C", repository.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private Level runLevel(GatlingRun gatling, Map<String, String> common, RequestType type, double rate,
                           Duration length, String what) {
        Map<String, String> properties = new LinkedHashMap<>(common);
        properties.put("bench.rate", Double.toString(rate));
        properties.put("bench.seconds", Long.toString(length.toSeconds()));
        String description = String.format(Locale.ROOT, "%s %s at %.0f/s", what, type.label(), rate);
        say(description + " ...");
        String output = gatling.run(properties, length, description);
        return GatlingOutput.parse(type.label(), rate, output);
    }

    /** Each request next to the ceiling measured just before it, run by run; ratios are paired per run. */
    private void summary(Map<RequestType, List<Double>> best, Map<RequestType, List<Double>> ceilings) {
        line("## Summary");
        line("");
        line("| request | good rate per run (req/s) | ceiling endpoint | ceiling per run (req/s) | ratio per run | median ratio |");
        line("| --- | --- | --- | --- | --- | ---: |");
        best.forEach((type, rates) -> {
            List<Double> ceiling = ceilings.getOrDefault(type, List.of());
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < Math.min(rates.size(), ceiling.size()); run++) {
                ratios.add(ceiling.get(run) == 0 ? 0 : rates.get(run) / ceiling.get(run));
            }
            line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", type.label(), join(rates, "%.0f"),
                    type.ceiling() == null ? "-" : type.ceiling().label(), join(ceiling, "%.0f"),
                    join(ratios, "%.2f"), ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", median(ratios))));
        });
        line("");
        line("| service | peak RSS under load (MiB) |");
        line("| --- | ---: |");
        peakUnderLoad.forEach((name, kib) -> line("| " + name + " | " + kib / 1024 + " |"));
        line("");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String join(List<Double> values, String format) {
        return String.join(", ", values.stream()
                .map(value -> value.isNaN() ? "-" : String.format(Locale.ROOT, format, value)).toList());
    }

    /** A report line, also shown on the console as it is measured. */
    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
        try {
            Files.writeString(outDir.resolve("report.partial.md"), text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String text) {
        System.out.println("-- " + text);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
