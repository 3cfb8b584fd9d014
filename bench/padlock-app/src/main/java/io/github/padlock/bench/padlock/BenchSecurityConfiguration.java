package io.github.padlock.bench.padlock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fixed bench credentials, each checked in constant time with {@link MessageDigest#isEqual} and no slow hash, so
 * that what the benchmark measures is the framework's cost. The JWT verifier is Padlock's built-in one, declared in
 * {@code application.yml} over the {@code bearer} scheme below.
 */
@Configuration(proxyBeanMethods = false)
class BenchSecurityConfiguration {

    static final String USERNAME = "stanley";

    private static final byte[] USERNAME_BYTES = bytes(USERNAME);

    private static final byte[] PASSWORD_BYTES = bytes("password123");

    private static final byte[] API_KEY_BYTES = bytes("SECRET_API_KEY");

    private static final byte[] TOKEN_BYTES = bytes("token_for_stanley");

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    @Bean
    Verifier<String> basicUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            boolean userOk = MessageDigest.isEqual(bytes(credentials.username()), USERNAME_BYTES);
            boolean passwordOk = MessageDigest.isEqual(bytes(credentials.password()), PASSWORD_BYTES);
            if (!(userOk & passwordOk)) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return USERNAME;
        });
    }

    @Bean
    ApiKeyHeader apiKeyHeader() {
        return ApiKeyHeader.builder().name("X-API-KEY").build();
    }

    @Bean
    Verifier<String> apiKeyUser(ApiKeyHeader apiKeyHeader) {
        return Verifier.of(apiKeyHeader, (key, scopes) -> {
            if (!MessageDigest.isEqual(bytes(key), API_KEY_BYTES)) {
                throw new NotAuthenticatedException("Invalid API key", "APIKey");
            }
            return USERNAME;
        });
    }

    @Bean
    HttpBearer bearer() {
        return HttpBearer.builder().build();
    }

    @Bean
    Verifier<String> bearerUser(HttpBearer bearer) {
        return Verifier.of(bearer, (credentials, scopes) -> {
            boolean schemeOk = credentials.hasScheme("Bearer");
            boolean tokenOk = MessageDigest.isEqual(bytes(credentials.credentials()), TOKEN_BYTES);
            if (!(schemeOk & tokenOk)) {
                throw new NotAuthenticatedException("Invalid token", "Bearer error=\"invalid_token\"");
            }
            return USERNAME;
        });
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
