package io.github.padlock.autoconfigure;

import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyStore;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * spring-security-crypto's {@code DelegatingPasswordEncoder} (bcrypt, argon2, pbkdf2, scrypt by encoder id) for
 * Padlock's credential checks, apart from the configurations that may run without the library: nothing loads this
 * class unless {@link OptionalLibraries#SPRING_SECURITY_CRYPTO} is present, and no signature here names a type of the
 * library.
 */
final class PasswordHashing {

    private PasswordHashing() {
    }

    /**
     * @param store the API keys
     * @return their check, for {@code sha256:} hashes and, with the delegating encoder, encoder hashes
     */
    static ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store) {
        return new ApiKeyAuthenticator(store, PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
