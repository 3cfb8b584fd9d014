package io.github.padlock.demo;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The store's items, in the {@code items} table.
 */
@Repository
class ItemRepository {

    private static final String COLUMNS = "id, name, description, price";

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Item> findAll() {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM items ORDER BY id").query(Item.class).list();
    }

    Optional<Item> findById(long id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM items WHERE id = ?").param(id).query(Item.class).optional();
    }

    Item create(NewItem item) {
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.sql("INSERT INTO items (name, description, price) VALUES (?, ?, ?)")
            .params(item.name(), item.description(), item.price())
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Item(id, item.name(), item.description(), item.price());
    }

    boolean delete(long id) {
        return this.jdbc.sql("DELETE FROM items WHERE id = ?").param(id).update() > 0;
    }
}
