package dev.shop.catalog.repository;

import dev.shop.catalog.model.Product;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    private static final String SEARCH = "lower(sku) like :pattern escape '\\' "
            + "or lower(name) like :pattern escape '\\' "
            + "or lower(description) like :pattern escape '\\'";

    public Optional<Product> findBySku(String sku) {
        return find("sku", sku.toUpperCase(Locale.ROOT)).firstResultOptional();
    }

    public List<Product> search(String text, int page, int size) {
        Sort order = Sort.by("name").and("id");
        if (text == null || text.isBlank()) {
            return findAll(order).page(Page.of(page, size)).list();
        }
        return find(SEARCH, order, Parameters.with("pattern", likePattern(text))).page(Page.of(page, size)).list();
    }

    public long countMatching(String text) {
        if (text == null || text.isBlank()) {
            return count();
        }
        return count(SEARCH, Parameters.with("pattern", likePattern(text)));
    }

    /** What a reservation line records of the product whose stock it took. */
    public record TakenStock(long productId, String sku, String name, long priceAmountMinor, String currency) {
    }

    /**
     * Takes {@code quantity} from the product's stock only if that much is there. The condition sits in
     * the UPDATE itself, so PostgreSQL's row lock serialises concurrent reservations of one product and
     * re-checks the stock for each: stock never goes negative, nothing is oversold. The same statement
     * returns what the reservation line records, so the product is not read a second time.
     *
     * @return the product as it was when the stock was taken; empty if the sku is unknown or short
     */
    public Optional<TakenStock> takeStock(String sku, int quantity) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        UPDATE product SET stock = stock - :quantity, version = version + 1, updated_at = now()
                        WHERE sku = :sku AND stock >= :quantity
                        RETURNING id, sku, name, price_amount_minor, currency""")
                .setParameter("quantity", quantity)
                .setParameter("sku", sku)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new TakenStock(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        ((Number) row[3]).longValue(), (String) row[4]))
                .findFirst();
    }

    public void returnStock(long productId, int quantity) {
        update("stock = stock + ?1, version = version + 1, updatedAt = current_timestamp where id = ?2",
                quantity, productId);
    }

    private static String likePattern(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
