package io.github.padlock.demo;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * An item of the store.
 *
 * @param name the item's name
 * @param description what it is
 * @param price its price
 */
public record Item(String name, @Nullable String description, BigDecimal price) {
}
