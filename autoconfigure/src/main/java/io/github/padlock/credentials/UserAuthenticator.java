package io.github.padlock.credentials;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a user name and password against a {@link UserStore}, the same way for HTTP Basic and for the OAuth2
 * password form. The password encoder runs exactly once per check whether or not the user exists (an unknown user is
 * checked against a dummy hash), so the answer and its timing do not tell which user names exist; the hashes do the
 * constant-time comparison. A password over 72 UTF-8 bytes is refused for a bcrypt hash, since bcrypt would ignore
 * the rest.
 */
public final class UserAuthenticator {

    /** Detail of a refused user name or password. */
    public static final String INCORRECT = "Incorrect username or password";

    /** FastAPI's tutorial detail for a disabled account. */
    public static final String INACTIVE = "Inactive user";

    private static final int BCRYPT_MAX_BYTES = 72;

    private final UserStore store;

    private final PasswordEncoder passwordEncoder;

    private final String dummyHash;

    /**
     * @param store where users come from
     * @param passwordEncoder a {@code DelegatingPasswordEncoder} (or any encoder that matches the stored hashes)
     */
    public UserAuthenticator(UserStore store, PasswordEncoder passwordEncoder) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = Objects.requireNonNull(passwordEncoder.encode(Base64.getEncoder().encodeToString(random)));
    }

    /**
     * @param username the user name as sent
     * @param password the password as sent
     * @return the user when the password matches (possibly a disabled one), or {@code null}
     */
    public @Nullable StoredUser check(String username, String password) {
        StoredUser user = this.store.findUser(username);
        String hash = (user != null) ? user.passwordHash() : this.dummyHash;
        boolean tooLong = hash.startsWith("{bcrypt}")
                && password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
        boolean matches = this.passwordEncoder.matches(tooLong ? "" : password, hash);
        return (user != null && matches && !tooLong) ? user : null;
    }

    /**
     * The built-in user verifier over an HTTP Basic scheme: 401 {@value #INCORRECT} with the scheme's challenge for
     * wrong credentials, 400 {@value #INACTIVE} for a disabled account, 403 {@code insufficient_scope} when the user
     * lacks a scope required on the path; {@code null} passes through when the scheme is optional and nothing came.
     * @param scheme the Basic scheme
     * @return the verifier
     */
    public Verifier<UserPrincipal> over(HttpBasic scheme) {
        return Verifier.of(scheme, (credentials, scopes) -> {
            if (credentials == null) {
                return null;
            }
            StoredUser user = check(credentials.username(), credentials.password());
            if (user == null) {
                throw new NotAuthenticatedException(INCORRECT, scheme.challenge());
            }
            if (user.disabled()) {
                throw new PadlockException(HttpStatus.BAD_REQUEST, INACTIVE, List.of());
            }
            scopes.require(user.scopes());
            return new UserPrincipal(user.username(), user.scopes());
        });
    }
}
