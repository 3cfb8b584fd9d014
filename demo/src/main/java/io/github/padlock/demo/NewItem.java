package io.github.padlock.demo;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An item to add to the store, within the columns it goes into ({@code schema.sql}): a value that does not fit is a
 * 400 when the request body is read, never a database error's 500.
 *
 * @param name its name
 * @param description what it is
 * @param price its price
 */
public record NewItem(String name, @Nullable String description, BigDecimal price) {

    /** {@code NUMERIC(12, 2)}: ten digits before the point. */
    private static final BigDecimal PRICE_LIMIT = new BigDecimal("1E10");

    public NewItem {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(price, "price is required");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        if (description != null && description.length() > 2000) {
            throw new IllegalArgumentException("description must be at most 2000 characters");
        }
        if (price.signum() < 0 || price.compareTo(PRICE_LIMIT) >= 0 || price.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("price must be at least 0 and under 1E10, with at most 2 decimals");
        }
    }
}
