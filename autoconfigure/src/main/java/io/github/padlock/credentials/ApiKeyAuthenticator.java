package io.github.padlock.credentials;

import java.security.MessageDigest;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.Verifier;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a presented API key of the form {@code id.secret} against an {@link ApiKeyStore}: the id finds the stored
 * key, and the hash of the whole presented key is compared with the stored hash — {@code sha256:<hex>} digests with
 * {@link MessageDigest#isEqual}, encoder hashes ({@code {bcrypt}…}) with the password encoder. An unknown id or a key
 * without a dot costs the same SHA-256 and comparison as a wrong secret. The SHA-256 runs in pooled digests and
 * buffers: no provider lookup and no allocation per check.
 */
public final class ApiKeyAuthenticator {

    /** Detail of a refused key. */
    public static final String INVALID = "Invalid API key";

    private final ApiKeyStore store;

    private final PasswordEncoder passwordEncoder;

    private final Sha256Pool digests = new Sha256Pool();

    /**
     * @param store where keys come from
     * @param passwordEncoder matches keys stored with an encoder id
     */
    public ApiKeyAuthenticator(ApiKeyStore store, PasswordEncoder passwordEncoder) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * @param presented the key as the client sent it
     * @return the stored key when it matches, or {@code null}
     */
    public @Nullable StoredApiKey check(String presented) {
        int dot = presented.indexOf('.');
        StoredApiKey key = (dot > 0) ? this.store.findApiKey(presented.substring(0, dot)) : null;
        if (key != null && !key.hash().startsWith(ApiKeyHashes.SHA256_PREFIX)) {
            return this.passwordEncoder.matches(presented, key.hash()) ? key : null;
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
