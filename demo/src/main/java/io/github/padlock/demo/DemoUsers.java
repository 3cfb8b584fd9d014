package io.github.padlock.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's users, passwords stored as bcrypt hashes: {@code stanley} / {@code password123} (may read and write
 * items) and {@code alice} / {@code secret2} (disabled, as in FastAPI's tutorial). An unknown user name costs the
 * same bcrypt check as a wrong password, so timing does not tell which user names exist.
 */
@Component
class DemoUsers {

    /** bcrypt of a password nobody has, checked for unknown user names. */
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$3HnPxhQW9ch5TSruE4v//eZLkfo2aWdHk/uCgyJYOfYLds66THlXy";

    private final Map<String, Account> accounts = Map.of(
            "stanley", new Account(new DemoUser("stanley", "stanley@example.com", List.of("items:read", "items:write"),
                    false), "{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS"),
            "alice", new Account(new DemoUser("alice", "alice@example.com", List.of("items:read"), true),
                    "{bcrypt}$2a$10$T0SY.tmiXCe2CCn5A55gj.7SYEL5BTETnjTYdjAzLVh1BFsd2USmO"));

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /**
     * @return the user whose credentials these are, or empty
     */
    Optional<DemoUser> authenticate(String username, String password) {
        Account account = this.accounts.get(username);
        boolean matches = this.passwordEncoder.matches(password,
                (account != null) ? account.passwordHash() : DUMMY_HASH);
        return (account != null && matches) ? Optional.of(account.user()) : Optional.empty();
    }

    Optional<DemoUser> find(String username) {
        return Optional.ofNullable(this.accounts.get(username)).map(Account::user);
    }

    private record Account(DemoUser user, String passwordHash) {
    }
}
