package io.github.padlock.test.notes;

import java.util.List;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.ApiKeyQuery;
import io.github.padlock.scheme.HttpBasic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** The notes' schemes and verifiers in Java, beside the JWT ones of application.yml. */
@Configuration(proxyBeanMethods = false)
public class NotesSecurityConfiguration {

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().realm("notes").build();
    }

    @Bean
    ApiKeyHeader notesKey() {
        return ApiKeyHeader.builder().name("X-Notes-Key").build();
    }

    @Bean
    ApiKeyQuery notesQueryKey() {
        return ApiKeyQuery.builder().name("key").build();
    }

    /** ann / open-sesame, who may read notes. */
    @Bean
    Verifier<UserPrincipal> noteUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            if (credentials == null || !credentials.username().equals("ann")
                    || !credentials.password().equals("open-sesame")) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            UserPrincipal user = new UserPrincipal("ann", List.of("notes:read"));
            scopes.require(user.scopes());
            return user;
        });
    }

    @Bean
    Verifier<String> keyOwner(ApiKeyHeader notesKey) {
        return Verifier.of(notesKey, (key, scopes) -> keyOwner(key));
    }

    @Bean
    Verifier<String> queryKeyOwner(ApiKeyQuery notesQueryKey) {
        return Verifier.of(notesQueryKey, (key, scopes) -> keyOwner(key));
    }

    private static String keyOwner(String key) {
        if (!"k-123".equals(key)) {
            throw new PadlockException(HttpStatus.FORBIDDEN, "Invalid API Key", List.of());
        }
        return "robot";
    }
}
