package io.github.padlock.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The seed's first example: {@code security = HTTPBasic()} and its verifier {@code get_current_username}, with the
 * password stored as a bcrypt hash and the user name compared in constant time.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final byte[] USERNAME = "stanley".getBytes(StandardCharsets.UTF_8);

    /** bcrypt of {@code password123}. */
    private static final String PASSWORD_HASH = "{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS";

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The seed's {@code get_current_username}: the user name if the credentials are stanley's, else 401
     * {@code Incorrect username or password}. The hash is checked whatever the user name, so a wrong user name
     * takes as long as a wrong password.
     */
    @Bean
    Verifier<String> currentUsername(HttpBasic basicAuth, PasswordEncoder passwordEncoder) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            Objects.requireNonNull(credentials, "basicAuth has autoError on");
            boolean usernameMatches = MessageDigest.isEqual(credentials.username().getBytes(StandardCharsets.UTF_8),
                    USERNAME);
            boolean passwordMatches = passwordEncoder.matches(credentials.password(), PASSWORD_HASH);
            if (!(usernameMatches & passwordMatches)) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return credentials.username();
        });
    }
}
