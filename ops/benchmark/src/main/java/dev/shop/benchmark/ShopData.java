package dev.shop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prepares the shop for a benchmark level: stock that cannot run out, shopper sessions ready to post forms. */
public final class ShopData {

    private static final Pattern SESSION_COOKIE = Pattern.compile("shop_session=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** A new shopper session: the cookie value and the CSRF token its forms carry. */
    public record ShopperSession(String id, String csrf) {
    }

    /** Sets every product's stock (admin API), so checkouts measure ordering, not selling out. */
    public void restock(String catalogUrl, String adminUser, String adminPassword, int stock) {
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
        JsonNode page = readJson(send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/products?page=0&size=100"))
                .header("Accept", "application/json").GET().build(), 200));
        for (JsonNode item : page.get("items")) {
            ObjectNode product = item.deepCopy();
            long id = product.remove("id").asLong();
            product.put("stock", stock);
            send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/products/" + id))
                    .header("Content-Type", "application/json")
                    .header("Authorization", auth)
                    .PUT(HttpRequest.BodyPublishers.ofString(product.toString())).build(), 200);
        }
    }

    /** Opens {@code count} sessions (a first visit each) and writes them as a Gatling CSV feeder. */
    public void writeSessions(String storefrontUrl, int count, Path csv) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ShopperSession>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opening.add(pool.submit(() -> open(storefrontUrl)));
            }
            StringBuilder text = new StringBuilder("sessionId,csrf\n");
            for (Future<ShopperSession> future : opening) {
                ShopperSession session = future.get();
                text.append(session.id()).append(',').append(session.csrf()).append('\n');
            }
            Path dir = csv.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(csv, text, StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not open shopper sessions: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + csv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening sessions", e);
        } finally {
            pool.shutdownNow();
        }
    }

    ShopperSession open(String storefrontUrl) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(storefrontUrl + "/")).GET().build(), 200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the storefront set no shop_session cookie"));
        return new ShopperSession(cookie, csrfToken(page.body())
                .orElseThrow(() -> new IllegalStateException("the product list has no form with a CSRF token")));
    }

    /** The first form's CSRF token in a page. */
    public static Optional<String> csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode readJson(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("catalog answered invalid JSON", e);
        }
    }
}
