package io.github.padlock.autoconfigure;

import java.util.Set;

import io.github.padlock.credentials.ApiKeyHashes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * The stored secrets of {@code padlock.users} and {@code padlock.api-keys}, checked at start-up: a hash with an
 * accepted encoder id, or {@code sha256:} for API keys. A refusal names the property and never its value.
 */
final class StoredHashes {

    /** Encoder ids accepted for stored secrets: the slow, salted ones, and an explicit plain {noop}. */
    private static final Set<String> ACCEPTED_ENCODERS = Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8",
            "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "noop");

    private StoredHashes() {
    }

    /**
     * @param property the property that holds the hash
     * @param hash its value
     * @param sha256Allowed whether {@code sha256:} is accepted (API keys)
     * @param classLoader the application's class loader, which must find spring-security-crypto for an encoder hash
     * @return the hash
     * @throws InvalidConfigurationPropertyValueException naming the property when the hash is not acceptable
     */
    static String checked(String property, @Nullable String hash, boolean sha256Allowed,
            @Nullable ClassLoader classLoader) {
        if (hash == null || hash.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(property, null, "A hash is required");
        }
        if (sha256Allowed && hash.startsWith(ApiKeyHashes.SHA256_PREFIX)) {
            if (!ApiKeyHashes.isSha256(hash)) {
                throw new InvalidConfigurationPropertyValueException(property, "(hidden)",
                        "A sha256: hash needs exactly 64 hexadecimal digits");
            }
            return hash;
        }
        int end = hash.indexOf('}');
        String id = (hash.startsWith("{") && end > 0) ? hash.substring(1, end) : null;
        if (id == null) {
            throw new InvalidConfigurationPropertyValueException(property, "(hidden)",
                    "Give a hash with its encoder id, such as {bcrypt}$2a$10$..." + (sha256Allowed ? " or sha256:<hex>"
                            : "") + "; a plain value (never in production) must be marked {noop} explicitly");
        }
        if (!ACCEPTED_ENCODERS.contains(id)) {
            throw new InvalidConfigurationPropertyValueException(property, "(hidden)", "The encoder {" + id
                    + "} is not accepted; use {bcrypt}, {argon2}, {pbkdf2} or {scrypt}");
        }
        if (!OptionalLibraries.SPRING_SECURITY_CRYPTO.isPresent(classLoader)) {
            throw new InvalidConfigurationPropertyValueException(property, "(hidden)",
                    OptionalLibraries.SPRING_SECURITY_CRYPTO.missing("A {" + id + "} hash")
                            + (sha256Allowed ? "; or give a sha256: hash, which needs nothing more" : ""));
        }
        if ((id.startsWith("argon2") || id.startsWith("scrypt"))
                && !ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters", classLoader)) {
            throw new InvalidConfigurationPropertyValueException(property, "(hidden)", "{" + id
                    + "} hashes need BouncyCastle: add org.bouncycastle:bcprov-jdk18on to the application");
        }
        return hash;
    }
}
