package io.github.padlock.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.padlock.SecurityParam;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's store: anyone may browse items; creating one or reading your profile needs a user.
 */
@RestController
class StoreController {

    private final List<Item> items = new CopyOnWriteArrayList<>(List.of(
            new Item("Padlock", "A sturdy brass padlock", new BigDecimal("12.50")),
            new Item("Key ring", null, new BigDecimal("2.00"))));

    @GetMapping("/users/me")
    Map<String, String> readCurrentUser(@SecurityParam("currentUsername") String username) {
        return Map.of("username", username);
    }

    @GetMapping("/items/")
    List<Item> readItems() {
        return this.items;
    }

    @PostMapping("/items/")
    @ResponseStatus(HttpStatus.CREATED)
    Item createItem(@RequestBody Item item, @SecurityParam("currentUsername") String username) {
        this.items.add(item);
        return item;
    }
}
