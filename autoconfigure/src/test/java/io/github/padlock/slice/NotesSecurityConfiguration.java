package io.github.padlock.slice;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheme and the verifier of {@link NotesController}: a {@code @Configuration}, which a slice leaves out. */
@Configuration(proxyBeanMethods = false)
public class NotesSecurityConfiguration {

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().realm("notes").build();
    }

    @Bean
    Verifier<String> noteTaker(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            if (credentials == null || !credentials.password().equals("open-sesame")) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return credentials.username();
        });
    }
}
