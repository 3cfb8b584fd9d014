package io.github.padlock.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Where users come from: the {@code padlock.users} list by default; declare a bean of this type to use a database.
 */
@FunctionalInterface
public interface UserStore {

    /**
     * @param username the user name as the client sent it
     * @return the user, or {@code null} when there is none by that name
     */
    @Nullable StoredUser findUser(String username);
}
