package dev.shop.systemtests;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders through the real orders -> catalog path, many at once. */
@ExtendWith(RunningShopExtension.class)
class OrderConcurrencyTest {

    @Test
    void fiftyConcurrentOrdersForTenInStockSellExactlyTen() throws Exception {
        String sku = Api.createProduct("Limited print", 4_500, 10);

        List<Callable<Integer>> shoppers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String customer = "customer-" + i;
            shoppers.add(() -> Api.placeOrder(customer, UUID.randomUUID().toString(), sku, 1).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(shoppers)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(40);
        assertThat(Api.stockOf(sku)).isZero();
    }

    @Test
    void oneIdempotencyKeySentFiveTimesMakesOneOrderAndReservesOnce() throws Exception {
        String sku = Api.createProduct("Desk lamp", 8_900, 7);
        String key = UUID.randomUUID().toString();

        List<Callable<Response>> retries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            retries.add(() -> Api.placeOrder("retrying-customer", key, sku, 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> result : pool.invokeAll(retries)) {
                responses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201));
        Set<String> orderIds = responses.stream().map(r -> r.<String>path("id")).collect(Collectors.toSet());
        assertThat(orderIds).hasSize(1);
        assertThat(Api.stockOf(sku)).isEqualTo(5);
    }
}
