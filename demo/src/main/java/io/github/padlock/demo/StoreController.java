package io.github.padlock.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's store: anyone may browse items; reading your profile needs a user, and creating an item a user with the
 * scope {@code items:write}, by HTTP Basic or by an OAuth2 token.
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

    /** Needs the scope {@code items:write}, granted to a Basic user or an OAuth2 token. */
    @PostMapping("/items/")
    @ResponseStatus(HttpStatus.CREATED)
    Item createItem(@RequestBody Item item,
            @SecurityParam(anyOf = { "basicUser", "currentActiveUser" }, scopes = "items:write") UserPrincipal user) {
        this.items.add(item);
        return item;
    }
}
