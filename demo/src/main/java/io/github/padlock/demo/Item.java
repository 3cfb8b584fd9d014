package io.github.padlock.demo;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * An item of the store.
 *
 * @param id its id
 * @param name its name
 * @param description what it is
 * @param price its price
 */
public record Item(long id, String name, @Nullable String description, BigDecimal price) {
}
