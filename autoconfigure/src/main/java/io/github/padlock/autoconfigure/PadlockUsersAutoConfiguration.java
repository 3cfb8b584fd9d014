package io.github.padlock.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration for Padlock's users, whose passwords spring-security-crypto hashes (an optional dependency of
 * the auto-configuration artifact, which the starter brings): the users of {@code padlock.users}, replaced by the
 * application's own {@link UserStore} bean, and the {@link UserAuthenticator} that checks their passwords for the
 * {@code users} verifier and the token endpoint with the application's {@link PasswordEncoder} (or Spring Security's
 * delegating one). Without the library, {@code padlock.users} fails the start-up naming the dependency to add.
 */
@AutoConfiguration(after = PadlockAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class, PasswordEncoder.class })
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockUsersAutoConfiguration {

    private static final Log logger = LogFactory.getLog(PadlockUsersAutoConfiguration.class);

    /**
     * The beans, in a nested class that names spring-security-crypto's types, so that nothing loads them without
     * the library: the class condition above is read from the class file, but an auto-configuration listed by class
     * (as in tests) is read through reflection, which drops a missing class from the condition. The user store comes
     * first, for the authenticator's condition on it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.crypto.password.PasswordEncoder")
    static class PasswordEncoding {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnPadlockEntries("padlock.users")
        UserStore padlockUserStore(PadlockProperties properties, ConfigurableListableBeanFactory beanFactory) {
            List<StoredUser> users = new ArrayList<>();
            for (Map.Entry<String, PadlockProperties.User> entry : properties.getUsers().entrySet()) {
                PadlockProperties.User user = entry.getValue();
                String property = "padlock.users." + entry.getKey() + ".password";
                String hash = StoredHashes.checked(property, user.getPassword(), false,
                        beanFactory.getBeanClassLoader());
                if (hash.startsWith("{noop}")) {
                    logger.warn("User '" + entry.getKey() + "' is stored unhashed ({noop}); hash it for production");
                }
                users.add(new StoredUser(entry.getKey(), hash, user.getScopes(), user.isDisabled()));
            }
            return new InMemoryUserStore(users);
        }

        /**
         * The encoder of users' passwords: the application's own {@link PasswordEncoder} bean when it declares one
         * (to change the encoding or its cost), else Spring Security's {@code DelegatingPasswordEncoder} (bcrypt,
         * strength 10, for new hashes; every encoder id for stored ones).
         */
        @Bean
        @ConditionalOnMissingBean
        PasswordEncoder padlockPasswordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        @ConditionalOnBean(UserStore.class)
        @ConditionalOnMissingBean
        UserAuthenticator padlockUserAuthenticator(UserStore userStore, PasswordEncoder passwordEncoder) {
            return new UserAuthenticator(userStore, passwordEncoder);
        }
    }
}
