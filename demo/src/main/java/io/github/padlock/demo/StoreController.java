package io.github.padlock.demo;

import java.util.List;
import java.util.Map;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's store: anyone may browse items (public on purpose, so {@code padlock.audit.unprotected: fail} lets the
 * demo start); reading your profile needs a user, and creating or deleting an item a
 * user with the scope {@code items:write}, by HTTP Basic or by an OAuth2 token.
 */
@RestController
class StoreController {

    private final ItemRepository items;

    StoreController(ItemRepository items) {
        this.items = items;
    }

    @GetMapping("/users/me")
    Map<String, String> readCurrentUser(@SecurityParam("currentUsername") String username) {
        return Map.of("username", username);
    }

    @PublicEndpoint
    @GetMapping("/items/")
    List<Item> readItems() {
        return this.items.findAll();
    }

    @PublicEndpoint
    @GetMapping("/items/{id}")
    Item readItem(@PathVariable long id) {
        return this.items.findById(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/items/")
    @ResponseStatus(HttpStatus.CREATED)
    Item createItem(@RequestBody NewItem item,
            @SecurityParam(anyOf = { "basicUser", "currentActiveUser" }, scopes = "items:write") UserPrincipal user) {
        return this.items.create(item);
    }

    @DeleteMapping("/items/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteItem(@PathVariable long id,
            @SecurityParam(anyOf = { "basicUser", "currentActiveUser" }, scopes = "items:write") UserPrincipal user) {
        if (!this.items.delete(id)) {
            throw notFound(id);
        }
    }

    private static ErrorResponseException notFound(long id) {
        ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
        notFound.setDetail("Item " + id + " not found");
        return notFound;
    }
}
