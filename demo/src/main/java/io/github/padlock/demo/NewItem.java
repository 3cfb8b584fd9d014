package io.github.padlock.demo;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An item to add to the store.
 *
 * @param name its name
 * @param description what it is
 * @param price its price
 */
public record NewItem(String name, @Nullable String description, BigDecimal price) {

    public NewItem {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(price, "price is required");
    }
}
