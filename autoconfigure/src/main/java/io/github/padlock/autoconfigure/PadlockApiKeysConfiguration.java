package io.github.padlock.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.InMemoryApiKeyStore;
import io.github.padlock.credentials.StoredApiKey;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API keys from {@code padlock.api-keys} (replaced by the application's own {@link ApiKeyStore} bean), with hashes
 * checked at start-up. {@code sha256:} hashes need nothing but the JDK; encoder hashes ({@code {bcrypt}...}) need
 * spring-security-crypto, which this configuration uses only when it is on the classpath ({@link PasswordHashing}).
 */
@Configuration(proxyBeanMethods = false)
class PadlockApiKeysConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnPadlockEntries("padlock.api-keys")
    ApiKeyStore padlockApiKeyStore(PadlockProperties properties, ConfigurableListableBeanFactory beanFactory) {
        List<StoredApiKey> keys = new ArrayList<>();
        for (Map.Entry<String, PadlockProperties.ApiKey> entry : properties.getApiKeys().entrySet()) {
            String property = "padlock.api-keys." + entry.getKey() + ".hash";
            String hash = StoredHashes.checked(property, entry.getValue().getHash(), true,
                    beanFactory.getBeanClassLoader());
            keys.add(new StoredApiKey(entry.getKey(), hash, entry.getValue().getScopes()));
        }
        return new InMemoryApiKeyStore(keys);
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    ApiKeyAuthenticator padlockApiKeyAuthenticator(ApiKeyStore apiKeyStore,
            ConfigurableListableBeanFactory beanFactory) {
        return OptionalLibraries.SPRING_SECURITY_CRYPTO.isPresent(beanFactory.getBeanClassLoader())
                ? PasswordHashing.apiKeyAuthenticator(apiKeyStore) : new ApiKeyAuthenticator(apiKeyStore);
    }
}
