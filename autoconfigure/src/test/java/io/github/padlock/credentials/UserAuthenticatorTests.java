package io.github.padlock.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityRequest;
import io.github.padlock.SecurityResolution;
import io.github.padlock.SecurityScopes;
import io.github.padlock.TestRequest;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link UserAuthenticator}: the same work for an unknown user as for a wrong password, bcrypt's 72-byte limit, and
 * the built-in verifier's answers.
 */
class UserAuthenticatorTests {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final String STANLEY_HASH = ENCODER.encode("password123");

    private final CountingEncoder encoder = new CountingEncoder();

    private final UserAuthenticator authenticator = new UserAuthenticator(new InMemoryUserStore(List.of(
            new StoredUser("stanley", STANLEY_HASH, List.of("items:read", "items:write"), false),
            new StoredUser("alice", ENCODER.encode("secret2"), List.of("items:read"), true),
            new StoredUser("argon", ENCODER.encode("x"), List.of(), false))), this.encoder);

    @Test
    void checkWhenUnknownUserThenEncoderRunsOnceAndNothingFound() {
        this.encoder.matches.set(0);
        assertThat(this.authenticator.check("nobody", "password123")).isNull();
        assertThat(this.encoder.matches).hasValue(1);
    }

    @Test
    void checkWhenWrongPasswordThenEncoderRunsOnceAndNothingFound() {
        this.encoder.matches.set(0);
        assertThat(this.authenticator.check("stanley", "wrong")).isNull();
        assertThat(this.encoder.matches).hasValue(1);
    }

    @Test
    void checkWhenRightPasswordThenUser() {
        this.encoder.matches.set(0);
        assertThat(this.authenticator.check("stanley", "password123")).extracting(StoredUser::username)
            .isEqualTo("stanley");
        assertThat(this.encoder.matches).hasValue(1);
    }

    @Test
    void checkWhenPasswordOverBcryptLimitThenRefusedAfterTheSameWork() {
        String longPassword = "password123" + "x".repeat(70);
        UserAuthenticator truncating = new UserAuthenticator(new InMemoryUserStore(List.of(new StoredUser("long",
                ENCODER.encode("password123" + "x".repeat(61)), List.of(), false))), this.encoder);
        this.encoder.matches.set(0);
        assertThat(truncating.check("long", longPassword)).isNull();
        assertThat(this.encoder.matches).hasValue(1);
        assertThat(truncating.check("long", "password123" + "x".repeat(61))).isNotNull();
    }

    @Test
    void checkWhenUnknownUserThenTheCheckIsAgainstTheCurrentEncodingAtItsCost() {
        RecordingEncoder current = new RecordingEncoder(new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(5))));
        UserAuthenticator authenticator = new UserAuthenticator(new InMemoryUserStore(List.of()), current);
        assertThat(authenticator.check("nobody", "password123")).isNull();
        assertThat(current.checked).singleElement().asString().startsWith("{bcrypt}$2a$05$");
    }

    @Test
    void checkWhenOverLongPasswordForABcryptUserThenOneCheckOfTheCurrentEncodingWithinBcryptsLimit() {
        RecordingEncoder current = new RecordingEncoder(ENCODER);
        UserAuthenticator authenticator = new UserAuthenticator(new InMemoryUserStore(List.of(new StoredUser("long",
                ENCODER.encode("p"), List.of(), false))), current);
        assertThat(authenticator.check("long", "p".repeat(73))).isNull();
        assertThat(authenticator.check("nobody", "p".repeat(73))).isNull();
        assertThat(current.checked).hasSize(2).allSatisfy((hash) -> assertThat(hash).startsWith("{bcrypt}$2a$10$"));
        assertThat(current.raw).allSatisfy((raw) -> assertThat(raw.getBytes(StandardCharsets.UTF_8)).hasSize(72));
    }

    @Test
    void checkWhenOverLongPasswordForAPbkdf2UserThenCheckedAsAnyOther() {
        String password = "p".repeat(100);
        UserAuthenticator authenticator = new UserAuthenticator(new InMemoryUserStore(List.of(new StoredUser("long",
                "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                    .encode(password), List.of(), false))), ENCODER);
        assertThat(authenticator.check("long", password)).isNotNull();
    }

    @Test
    void checkWhenHashOfAnotherEncodingThenReEncodedWithTheCurrentOneAfterASuccessOnly() {
        InMemoryUserStore store = new InMemoryUserStore(List.of(new StoredUser("old",
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("password123"), List.of("items:read"), false)));
        UserAuthenticator authenticator = new UserAuthenticator(store, ENCODER);
        assertThat(authenticator.check("old", "wrong")).isNull();
        assertThat(store.findUser("old").passwordHash()).startsWith("{bcrypt}$2a$04$");
        assertThat(authenticator.check("old", "password123")).isNotNull();
        String upgraded = store.findUser("old").passwordHash();
        assertThat(upgraded).startsWith("{bcrypt}$2a$10$");
        assertThat(ENCODER.upgradeEncoding(upgraded)).isFalse();
        assertThat(store.findUser("old").scopes()).containsExactly("items:read");
        assertThat(authenticator.check("old", "password123")).isNotNull();
    }

    @Test
    void checkWhenHashOfAHigherCostThanTheCurrentThenReEncodedAtTheCurrentCost() {
        PasswordEncoder cost4 = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        InMemoryUserStore store = new InMemoryUserStore(List.of(new StoredUser("old",
                "{bcrypt}" + new BCryptPasswordEncoder(6).encode("password123"), List.of(), false)));
        UserAuthenticator authenticator = new UserAuthenticator(store, cost4);
        assertThat(cost4.upgradeEncoding(store.findUser("old").passwordHash())).as("Spring's rule keeps it").isFalse();
        assertThat(authenticator.check("old", "password123")).isNotNull();
        assertThat(store.findUser("old").passwordHash()).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void checkWhenHashOfTheCurrentEncodingThenNotWrittenAgain() {
        String hash = ENCODER.encode("password123");
        InMemoryUserStore store = new InMemoryUserStore(List.of(new StoredUser("same", hash, List.of(), false)));
        assertThat(new UserAuthenticator(store, ENCODER).check("same", "password123")).isNotNull();
        assertThat(store.findUser("same").passwordHash()).isEqualTo(hash);
    }

    @Test
    void encodingOfWhenHashesOfOneEncodingThenEqualAndOfAnotherThenNot() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        assertThat(UserAuthenticator.encodingOf("{bcrypt}" + bcrypt.encode("a"))).isEqualTo("{bcrypt}$2a$04$")
            .isEqualTo(UserAuthenticator.encodingOf("{bcrypt}" + bcrypt.encode("b")));
        assertThat(UserAuthenticator.encodingOf(bcrypt.encode("a"))).isEqualTo("$2a$04$");
        assertThat(UserAuthenticator.encodingOf(
                "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$ZGlnZXN0ZGlnZXN0"))
            .isEqualTo("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(UserAuthenticator.encodingOf("{scrypt@SpringSecurity_v5_8}$e0801$c2FsdA==$ZGlnZXN0"))
            .isEqualTo("{scrypt@SpringSecurity_v5_8}$e0801$");
        assertThat(UserAuthenticator.encodingOf("{pbkdf2@SpringSecurity_v5_8}0a1b2c")).isEqualTo(
                "{pbkdf2@SpringSecurity_v5_8}");
        assertThat(UserAuthenticator.encodingOf("{noop}pa$$word")).isEqualTo("{noop}");
        assertThat(UserAuthenticator.encodingOf("{noop}$2a$10$looks-like-bcrypt")).isEqualTo("{noop}");
    }

    @Test
    void checkWhenStoreCannotWriteThenTheLoginStillSucceeds() {
        StoredUser old = new StoredUser("old", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw"), List.of(), false);
        UserAuthenticator authenticator = new UserAuthenticator((username) -> old, ENCODER);
        assertThat(authenticator.check("old", "pw")).isSameAs(old);
    }

    @Test
    void verifierWhenWrongPasswordThenUnauthorizedWithSchemeChallenge() {
        HttpBasic basic = HttpBasic.builder().realm("store").build();
        PadlockException ex = catchThrowableOfType(PadlockException.class,
                () -> verify(this.authenticator.over(basic), basic, "stanley:wrong", SecurityScopes.empty()));
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ex.getBody().getDetail()).isEqualTo("Incorrect username or password");
        assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Basic realm=\"store\"");
    }

    @Test
    void verifierWhenDisabledUserThenInactiveUser() {
        HttpBasic basic = HttpBasic.builder().build();
        PadlockException ex = catchThrowableOfType(PadlockException.class,
                () -> verify(this.authenticator.over(basic), basic, "alice:secret2", SecurityScopes.empty()));
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ex.getBody().getDetail()).isEqualTo("Inactive user");
    }

    @Test
    void verifierWhenDisabledUserWithWrongPasswordThenIncorrectNotInactive() {
        HttpBasic basic = HttpBasic.builder().build();
        PadlockException ex = catchThrowableOfType(PadlockException.class,
                () -> verify(this.authenticator.over(basic), basic, "alice:wrong", SecurityScopes.empty()));
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void verifierWhenScopesGrantedThenPrincipalElseForbidden() {
        HttpBasic basic = HttpBasic.builder().build();
        assertThat(verify(this.authenticator.over(basic), basic, "stanley:password123",
                SecurityScopes.of(List.of("items:write"))))
            .isEqualTo(new UserPrincipal("stanley", List.of("items:read", "items:write")));
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> verify(this.authenticator.over(basic),
                basic, "stanley:password123", SecurityScopes.of(List.of("admin"))));
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void storedUserToStringLeavesTheHashOut() {
        assertThat(new StoredUser("stanley", STANLEY_HASH, List.of(), false).toString()).doesNotContain(STANLEY_HASH);
    }

    /** Runs a verifier over a Basic scheme for one request, as Padlock's runtime would. */
    static <T> @Nullable T verify(Verifier<T> verifier, HttpBasic scheme, String credentials, SecurityScopes scopes) {
        TestRequest request = new TestRequest();
        request.addHeader(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return verifier.resolve(new SecurityResolution() {

            @Override
            public SecurityRequest request() {
                return request;
            }

            @Override
            public SecurityScopes scopes() {
                return scopes;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <U> @Nullable U valueOf(io.github.padlock.SecurityDependency<U> dependency) {
                assertThat(dependency).isSameAs(scheme);
                return (U) scheme.resolve(request);
            }
        });
    }

    /** Records the hashes and passwords each check compares, delegating to another encoder. */
    static final class RecordingEncoder implements PasswordEncoder {

        final List<String> checked = new java.util.ArrayList<>();

        final List<String> raw = new java.util.ArrayList<>();

        private final PasswordEncoder delegate;

        RecordingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return this.delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            this.checked.add(encodedPassword);
            this.raw.add(rawPassword.toString());
            return this.delegate.matches(rawPassword, encodedPassword);
        }
    }

    /** Counts the password checks. */
    static final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return ENCODER.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            this.matches.incrementAndGet();
            return ENCODER.matches(rawPassword, encodedPassword);
        }
    }
}
