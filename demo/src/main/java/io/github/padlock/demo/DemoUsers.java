package io.github.padlock.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's one user, {@code stanley} / {@code password123}, with the password stored as a bcrypt hash. The hash is
 * checked whatever the user name, so a wrong user name takes as long as a wrong password.
 */
@Component
class DemoUsers {

    private static final byte[] USERNAME = "stanley".getBytes(StandardCharsets.UTF_8);

    /** bcrypt of {@code password123}. */
    private static final String PASSWORD_HASH = "{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS";

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    boolean check(String username, String password) {
        boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8), USERNAME);
        boolean passwordMatches = this.passwordEncoder.matches(password, PASSWORD_HASH);
        return usernameMatches & passwordMatches;
    }
}
