package com.example.quickstart;

import java.security.MessageDigest;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import static java.nio.charset.StandardCharsets.UTF_8;

@Configuration
class SecurityConfiguration {

    /** stanley's password, password123, as the hash command prints it (README: Configure it, Users). */
    static final String STANLEY_PASSWORD_HASH = "{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS";

    @Bean
    HttpBasic basicAuth() {                          // FastAPI's HTTPBasic(); builder: realm, description,
        return HttpBasic.builder().build();          // schemeName, autoError
    }

    @Bean                                            // Padlock provides the PasswordEncoder (bcrypt)
    Verifier<String> currentUsername(HttpBasic basicAuth, PasswordEncoder passwords) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            boolean userOk = MessageDigest.isEqual(credentials.username().getBytes(UTF_8), "stanley".getBytes(UTF_8));
            boolean passwordOk = passwords.matches(credentials.password(), STANLEY_PASSWORD_HASH); // always runs
            if (!(userOk & passwordOk)) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return credentials.username();
        });
    }
}
