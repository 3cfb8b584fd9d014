package io.github.padlock.autoconfigure;

import java.util.Map;
import java.util.regex.Pattern;

import io.github.padlock.credentials.ApiKeyHashes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The stored secrets of {@code padlock.users} and {@code padlock.api-keys}, checked at start-up: a hash with an
 * accepted encoder id, or {@code sha256:} for API keys. A refusal names the property and never its value.
 */
final class StoredHashes {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./0-9A-Za-z]{53}");

    /** Spring's Pbkdf2PasswordEncoder, hex-encoded: salt and hash, 40 bytes (v5.5) or 48 (v5.8) by default. */
    private static final Pattern PBKDF2 = Pattern.compile("([0-9a-fA-F]{2}){24,128}");

    private static final Pattern ARGON2 = Pattern
        .compile("\\$argon2(id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*");

    private static final Pattern SCRYPT = Pattern.compile("\\$[0-9a-f]+\\$[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*");

    /**
     * Encoder ids accepted for stored secrets — the slow, salted ones, and an explicit plain {noop} — each with the
     * format its encoder writes, so that a hash its encoder could never match fails the start-up rather than every
     * login.
     */
    private static final Map<String, Pattern> ACCEPTED_ENCODERS = Map.of("bcrypt", BCRYPT, "argon2", ARGON2,
            "argon2@SpringSecurity_v5_8", ARGON2, "pbkdf2", PBKDF2, "pbkdf2@SpringSecurity_v5_8", PBKDF2, "scrypt",
            SCRYPT, "scrypt@SpringSecurity_v5_8", SCRYPT, "noop", Pattern.compile("(?s).*"));

    private StoredHashes() {
    }

    /**
     * @param property the property that holds the hash
     * @param hash its value
     * @param sha256Allowed whether {@code sha256:} is accepted (API keys)
     * @param classLoader the application's class loader, which must find spring-security-crypto for an encoder hash
     * @return the hash
     * @throws SecretPropertyException naming the property (never the value) when the hash is not acceptable
     */
    static String checked(String property, @Nullable String hash, boolean sha256Allowed,
            @Nullable ClassLoader classLoader) {
        if (hash == null || hash.isBlank()) {
            throw new SecretPropertyException(property, "A hash is required");
        }
        if (sha256Allowed && hash.startsWith(ApiKeyHashes.SHA256_PREFIX)) {
            if (!ApiKeyHashes.isSha256(hash)) {
                throw new SecretPropertyException(property, "A sha256: hash needs exactly 64 hexadecimal digits");
            }
            return hash;
        }
        int end = hash.indexOf('}');
        String id = (hash.startsWith("{") && end > 0) ? hash.substring(1, end) : null;
        if (id == null) {
            throw new SecretPropertyException(property, "Give a hash with its encoder id, such as {bcrypt}$2a$10$..." + (sha256Allowed ? " or sha256:<hex>"
                            : "") + "; a plain value (never in production) must be marked {noop} explicitly");
        }
        Pattern format = ACCEPTED_ENCODERS.get(id);
        if (format == null) {
            throw new SecretPropertyException(property, "The encoder {" + id
                    + "} is not accepted; use {bcrypt}, {argon2}, {pbkdf2} or {scrypt}");
        }
        if (!OptionalLibraries.SPRING_SECURITY_CRYPTO.isPresent(classLoader)) {
            throw new SecretPropertyException(property, OptionalLibraries.SPRING_SECURITY_CRYPTO.missing("A {" + id + "} hash")
                            + (sha256Allowed ? "; or give a sha256: hash, which needs nothing more" : ""),
                    "Add org.springframework.security:spring-security-crypto to the application, or change the value "
                            + "of '" + property + "'.");
        }
        if ((id.startsWith("argon2") || id.startsWith("scrypt"))
                && !ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters", classLoader)) {
            throw new SecretPropertyException(property, "{" + id
                    + "} hashes need BouncyCastle: add org.bouncycastle:bcprov-jdk18on to the application",
                    "Add org.bouncycastle:bcprov-jdk18on to the application, or change the value of '" + property
                            + "' to a {bcrypt} or {pbkdf2@SpringSecurity_v5_8} hash.");
        }
        if (!format.matcher(hash.substring(end + 1)).matches()) {
            throw new SecretPropertyException(property, "The value is not a {" + id + "} hash: give what the encoder "
                    + "wrote (see the README's users section for a command that hashes a password)");
        }
        return hash;
    }
}
