package io.github.padlock.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyHashes;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.InMemoryApiKeyStore;
import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.StoredApiKey;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.ClassUtils;

/**
 * The built-in credential checks: users from {@code padlock.users} and API keys from {@code padlock.api-keys}
 * (each replaced by the application's own {@link UserStore} or {@link ApiKeyStore} bean), with hashes checked at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
class PadlockCredentialsConfiguration {

    private static final Log logger = LogFactory.getLog(PadlockCredentialsConfiguration.class);

    /** Encoder ids accepted for stored secrets: the slow, salted ones, and an explicit plain {noop}. */
    private static final Set<String> ACCEPTED_ENCODERS = Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8",
            "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "noop");

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnPadlockEntries("padlock.users")
    UserStore padlockUserStore(PadlockProperties properties) {
        List<StoredUser> users = new ArrayList<>();
        for (Map.Entry<String, PadlockProperties.User> entry : properties.getUsers().entrySet()) {
            PadlockProperties.User user = entry.getValue();
            String property = "padlock.users." + entry.getKey() + ".password";
            String hash = checkedHash(property, user.getPassword(), false);
            if (hash.startsWith("{noop}")) {
                logger.warn("User '" + entry.getKey() + "' is stored unhashed ({noop}); hash it for production");
            }
            users.add(new StoredUser(entry.getKey(), hash, user.getScopes(), user.isDisabled()));
        }
        return new InMemoryUserStore(users);
    }

    @Bean
    @ConditionalOnBean(UserStore.class)
    @ConditionalOnMissingBean
    UserAuthenticator padlockUserAuthenticator(UserStore userStore) {
        return new UserAuthenticator(userStore, passwordEncoder());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnPadlockEntries("padlock.api-keys")
    ApiKeyStore padlockApiKeyStore(PadlockProperties properties) {
        List<StoredApiKey> keys = new ArrayList<>();
        for (Map.Entry<String, PadlockProperties.ApiKey> entry : properties.getApiKeys().entrySet()) {
            String property = "padlock.api-keys." + entry.getKey() + ".hash";
            keys.add(new StoredApiKey(entry.getKey(), checkedHash(property, entry.getValue().getHash(), true),
                    entry.getValue().getScopes()));
        }
        return new InMemoryApiKeyStore(keys);
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    ApiKeyAuthenticator padlockApiKeyAuthenticator(ApiKeyStore apiKeyStore) {
        return new ApiKeyAuthenticator(apiKeyStore, passwordEncoder());
    }

    private static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A stored secret must be a hash with an accepted encoder id ({@code sha256:} too for API keys); the value is
     * never put in the message.
     */
    static String checkedHash(String property, @Nullable String hash, boolean sha256Allowed) {
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
        if ((id.startsWith("argon2") || id.startsWith("scrypt"))
                && !ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters", null)) {
            throw new InvalidConfigurationPropertyValueException(property, "(hidden)", "{" + id
                    + "} hashes need BouncyCastle: add org.bouncycastle:bcprov-jdk18on to the application");
        }
        return hash;
    }
}
