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
 * password form, so that neither the answer nor its time tells which user names exist: every refusal costs exactly
 * one check with the password encoder's <em>current</em> encoding — the one new passwords get, at its configured cost
 * — and the hashes compare in constant time.
 * <ul>
 * <li>An unknown user is checked against a dummy hash the encoder made at start-up.</li>
 * <li>A password over 72 UTF-8 bytes for a bcrypt hash is refused (bcrypt would ignore the rest, and Spring's encoder
 * answers such a check at once); the refusal still runs one dummy check.</li>
 * <li>A user whose hash uses another encoder or another cost is re-encoded with the current one after a successful
 * login ({@link UserStore#updatePassword}), so the store converges: a lower cost, as
 * {@link PasswordEncoder#upgradeEncoding} says, and also a higher one, which Spring's encoders keep — else, once an
 * application lowers its cost, a known user's wrong password would take longer than an unknown user's for ever.</li>
 * </ul>
 */
public final class UserAuthenticator {

    /** Detail of a refused user name or password. */
    public static final String INCORRECT = "Incorrect username or password";

    /** FastAPI's tutorial detail for a disabled account. */
    public static final String INACTIVE = "Inactive user";

    private static final int BCRYPT_MAX_BYTES = 72;

    /** What a check that only has to take its time hashes: within every encoder's limits (bcrypt's 72 bytes). */
    private static final String TIMING_ONLY = "x".repeat(BCRYPT_MAX_BYTES);

    private final UserStore store;

    private final PasswordEncoder passwordEncoder;

    private final String dummyHash;

    private final String currentEncoding;

    /**
     * @param store where users come from
     * @param passwordEncoder the encoder of the stored hashes, such as a {@code DelegatingPasswordEncoder}; its
     * encoding of new passwords is the current one
     */
    public UserAuthenticator(UserStore store, PasswordEncoder passwordEncoder) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = Objects.requireNonNull(passwordEncoder.encode(Base64.getEncoder().encodeToString(random)));
        this.currentEncoding = encodingOf(this.dummyHash);
    }

    /**
     * The user as stored, without a password: for a grant that was authenticated before, such as a refresh token
     * (RFC 6749 §6), which checks again that its user still exists and is enabled.
     * @param username the user's name, as stored
     * @return the user, or {@code null} when there is none by that name
     * @throws StoreUnavailableException when the store does not answer
     */
    public @Nullable StoredUser find(String username) {
        return this.store.findUser(username);
    }

    /**
     * @param username the user name as sent
     * @param password the password as sent
     * @return the user when the password matches (possibly a disabled one), or {@code null}
     */
    public @Nullable StoredUser check(String username, String password) {
        StoredUser user = this.store.findUser(username);
        if (user == null || tooLongForBcrypt(user.passwordHash(), password)) {
            this.passwordEncoder.matches(TIMING_ONLY, this.dummyHash);
            return null;
        }
        if (!this.passwordEncoder.matches(password, user.passwordHash())) {
            return null;
        }
        if (this.passwordEncoder.upgradeEncoding(user.passwordHash()) || !isCurrentEncoding(user.passwordHash())) {
            upgrade(user, password);
        }
        return user;
    }

    private void upgrade(StoredUser user, String password) {
        String upgraded;
        try {
            upgraded = this.passwordEncoder.encode(password);
        }
        catch (IllegalArgumentException ex) {
            // The current encoding cannot take this password (bcrypt and over 72 bytes): keep the hash it matched.
            return;
        }
        this.store.updatePassword(user.username(), Objects.requireNonNull(upgraded));
    }

    /** Whether the hash's encoding is the current one, compared in place: a login allocates nothing for this. */
    private boolean isCurrentEncoding(String hash) {
        return encodingLength(hash) == this.currentEncoding.length() && hash.startsWith(this.currentEncoding);
    }

    /**
     * The encoder id and the parameters a hash carries, without its salt and digest, so that two hashes of one
     * encoding agree: {@code {bcrypt}$2a$10$}, {@code {argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$},
     * {@code {scrypt...}$<parameters>$}; only the id for {@code {noop}}, pbkdf2 and other formats without {@code $}
     * fields.
     */
    static String encodingOf(String hash) {
        return hash.substring(0, encodingLength(hash));
    }

    private static int encodingLength(String hash) {
        int idEnd = hash.startsWith("{") ? hash.indexOf('}') + 1 : 0;
        if (hash.startsWith("{noop}")) {
            return idEnd;
        }
        int variableFields = hash.startsWith("$2", idEnd) ? 1 : hash.startsWith("$", idEnd) ? 2 : 0;
        int cut = hash.length();
        for (int i = 0; i < variableFields && cut > idEnd; i++) {
            cut = hash.lastIndexOf('$', cut - 1);
        }
        return (variableFields > 0 && cut > idEnd) ? cut + 1 : idEnd;
    }

    /** bcrypt reads 72 bytes; a longer password must not match by its first 72 alone. */
    private static boolean tooLongForBcrypt(String hash, String password) {
        return (hash.startsWith("{bcrypt}") || hash.startsWith("$2"))
                && password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
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
