package io.github.padlock.credentials;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.Verifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a presented API key of the form {@code id.secret} against an {@link ApiKeyStore}: the id finds the stored
 * key, and the hash of the whole presented key is compared with the stored hash — {@code sha256:<hex>} digests with
 * {@link MessageDigest#isEqual}, encoder hashes ({@code {bcrypt}…}) with the password encoder. An unknown id or a key
 * without a dot costs the same SHA-256 and comparison as a wrong secret. The SHA-256 runs in pooled digests and
 * buffers: no provider lookup and no allocation per check.
 * <p>
 * {@code sha256:} hashes need nothing but the JDK; encoder hashes need spring-security-crypto, an optional
 * dependency. Built without an encoder ({@link #ApiKeyAuthenticator(ApiKeyStore)}), it refuses every key stored with
 * one, at the cost of an unknown id, and says so once in the log. Only the other constructor names a
 * spring-security-crypto type, no field or method does: the class loads, and Spring introspects the bean, without the
 * library.
 */
public final class ApiKeyAuthenticator {

    /** Detail of a refused key. */
    public static final String INVALID = "Invalid API key";

    private static final Log logger = LogFactory.getLog(ApiKeyAuthenticator.class);

    private final ApiKeyStore store;

    /** The encoder's {@code matches(presented, hash)}, or {@code null} without spring-security-crypto. */
    private final @Nullable BiPredicate<String, String> encoderMatches;

    private final AtomicBoolean encoderHashSeen = new AtomicBoolean();

    private final Sha256Pool digests = new Sha256Pool();

    /**
     * @param store where keys come from
     * @param passwordEncoder matches keys stored with an encoder id
     */
    public ApiKeyAuthenticator(ApiKeyStore store, PasswordEncoder passwordEncoder) {
        this.store = store;
        this.encoderMatches = passwordEncoder::matches;
    }

    /**
     * For {@code sha256:} hashes only, without spring-security-crypto: a key stored with an encoder hash never
     * matches.
     * @param store where keys come from
     */
    public ApiKeyAuthenticator(ApiKeyStore store) {
        this.store = store;
        this.encoderMatches = null;
    }

    /**
     * @param presented the key as the client sent it
     * @return the stored key when it matches, or {@code null}
     */
    public @Nullable StoredApiKey check(String presented) {
        int dot = presented.indexOf('.');
        StoredApiKey key = (dot > 0) ? this.store.findApiKey(presented.substring(0, dot)) : null;
        if (key != null && !key.hash().startsWith(ApiKeyHashes.SHA256_PREFIX)) {
            if (this.encoderMatches != null) {
                return this.encoderMatches.test(presented, key.hash()) ? key : null;
            }
            warnOnceWithoutEncoder();
            key = null;
        }
        Sha256Pool.Workspace workspace = this.digests.acquire();
        try {
            boolean matches = workspace.matches(presented, (key != null) ? key.hash() : null);
            return (key != null && matches) ? key : null;
        }
        finally {
            this.digests.release(workspace);
        }
    }

    private void warnOnceWithoutEncoder() {
        if (!this.encoderHashSeen.getAndSet(true)) {
            logger.warn("An API key is stored with an encoder hash such as {bcrypt}, which needs "
                    + "spring-security-crypto: such keys are refused. Store sha256: hashes, or add "
                    + "org.springframework.security:spring-security-crypto to the application");
        }
    }

    /**
     * The built-in API-key verifier over an API-key scheme: 401 {@value #INVALID} with
     * {@code WWW-Authenticate: APIKey} for a wrong key, 403 {@code insufficient_scope} when the key lacks a scope
     * required on the path; {@code null} passes through when the scheme is optional and no key came, and the plan
     * decides (401 where a value is required or scopes are asked, as for every verifier).
     * @param scheme a scheme producing the key, such as an {@link io.github.padlock.scheme.ApiKeyHeader}
     * @return the verifier
     */
    public Verifier<ApiKeyPrincipal> over(SecurityDependency<String> scheme) {
        return Verifier.of(scheme, (presented, scopes) -> {
            if (presented == null) {
                return null;
            }
            StoredApiKey key = check(presented);
            if (key == null) {
                throw new NotAuthenticatedException(INVALID, "APIKey");
            }
            scopes.require(key.scopes());
            return new ApiKeyPrincipal(key.id(), key.scopes());
        });
    }
}
