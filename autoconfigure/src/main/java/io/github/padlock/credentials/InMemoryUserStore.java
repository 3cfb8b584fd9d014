package io.github.padlock.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A fixed set of users, such as those of {@code padlock.users}; their hashes are upgraded in memory after a successful
 * login (a restart reads the configuration again).
 */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, StoredUser> users = new ConcurrentHashMap<>();

    private final List<String> names = new ArrayList<>();

    /**
     * @param users the users; their names must be distinct
     */
    public InMemoryUserStore(List<StoredUser> users) {
        for (StoredUser user : users) {
            if (this.users.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("User '" + user.username() + "' is listed twice");
            }
            this.names.add(user.username());
        }
    }

    @Override
    public @Nullable StoredUser findUser(String username) {
        return this.users.get(username);
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        this.users.computeIfPresent(username, (name, user) -> new StoredUser(user.username(), passwordHash,
                user.scopes(), user.disabled()));
    }

    /**
     * @return the users, in order
     */
    public List<StoredUser> users() {
        return this.names.stream().map(this.users::get).toList();
    }
}
