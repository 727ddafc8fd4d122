package dev.shop.systemtests.faults;

import dev.shop.localstack.LocalPostgres;
import dev.shop.localstack.LocalShop;
import dev.shop.systemtests.Api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shop holds for one product, read straight from the two databases (not through the proxies):
 * the orders that include it and catalog's reservations of it.
 */
final class Ledger {

    private final LocalShop shop;

    Ledger(LocalShop shop) {
        this.shop = shop;
    }

    /**
     * Waits until the shop has settled for {@code sku} and asserts it holds exactly {@code orders} confirmed
     * orders of it (one or none per shopper intent), no checkout left pending and no release still owed, exactly
     * one active reservation per order under the order's id (none held for nothing), and the stock less exactly
     * what they took.
     */
    void assertSettled(String sku, int initialStock, int quantity, int orders) {
        await(() -> check(sku, initialStock, quantity, orders));
    }

    /** Waits until no order of {@code sku} exists, catalog holds none of it and its stock is whole again. */
    void assertNothingHeld(String sku, int initialStock) {
        await(() -> {
            assertThat(confirmedOrders(sku)).as("confirmed orders of %s", sku).isEmpty();
            assertThat(activeReservations(sku)).as("active reservations of %s", sku).isEmpty();
            assertThat(Api.stockOf(sku)).as("stock of %s", sku).isEqualTo(initialStock);
        });
    }

    private void await(Runnable check) {
        Duration patience = Duration.ofSeconds(30);
        long deadline = System.nanoTime() + patience.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                last = notYet;
                sleep();
            }
        }
        throw new AssertionError("not settled within " + patience.toSeconds() + " s", last);
    }

    private List<String> confirmedOrders(String sku) {
        return strings("orders", "select o.id::text from orders o join order_line l on l.order_id = o.id"
                + " where l.sku = ? and o.status = 'CONFIRMED'", sku);
    }

    private List<String> activeReservations(String sku) {
        return strings("catalog", "select r.reference from reservation r join reservation_line l"
                + " on l.reservation_reference = r.reference where l.sku = ? and r.status = 'ACTIVE'", sku);
    }

    private void check(String sku, int initialStock, int quantity, int orders) {
        List<String> confirmed = confirmedOrders(sku);
        List<String> active = activeReservations(sku);
        assertThat(confirmed).as("confirmed orders of %s", sku).hasSize(orders);
        assertThat(strings("orders", "select id::text from orders where status = 'PENDING'"))
                .as("checkouts left pending").isEmpty();
        assertThat(strings("orders", "select reference from owed_release")).as("releases still owed to catalog").isEmpty();
        assertThat(active).as("active reservations of %s, one per order", sku)
                .containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(Api.stockOf(sku)).as("stock of %s", sku).isEqualTo(initialStock - orders * quantity);
    }

    private List<String> strings(String database, String sql, String... parameters) {
        String url = LocalPostgres.jdbcUrl(shop.postgres().port(), database);
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
