package io.github.padlock.credentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A fixed set of users, such as those of {@code padlock.users}.
 */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, StoredUser> users = new LinkedHashMap<>();

    /**
     * @param users the users; their names must be distinct
     */
    public InMemoryUserStore(List<StoredUser> users) {
        for (StoredUser user : users) {
            if (this.users.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("User '" + user.username() + "' is listed twice");
            }
        }
    }

    @Override
    public @Nullable StoredUser findUser(String username) {
        return this.users.get(username);
    }

    /**
     * @return the users, in order
     */
    public List<StoredUser> users() {
        return List.copyOf(this.users.values());
    }
}
