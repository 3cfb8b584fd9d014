package io.github.padlock.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Where users come from: the {@code padlock.users} list ({@link InMemoryUserStore}), or a database table with
 * {@code padlock.jdbc.users.enabled} ({@link JdbcUserStore}); declare a bean of this type to use other storage.
 */
@FunctionalInterface
public interface UserStore {

    /**
     * @param username the user name as the client sent it
     * @return the user, or {@code null} when there is none by that name
     */
    @Nullable StoredUser findUser(String username);

    /**
     * Replace a user's stored hash. Padlock calls it after a successful login whose hash is not the password encoder's
     * current one (another encoder, or a lower cost: {@code PasswordEncoder.upgradeEncoding}), so that the store
     * converges on the current encoder and every check costs what an unknown user's does. A store that cannot write
     * leaves the hash as it is (the default).
     * @param username the user's name, as stored
     * @param passwordHash the new hash, with its encoder id
     */
    default void updatePassword(String username, String passwordHash) {
    }
}
