package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import io.github.padlock.credentials.ApiKeyLifecycle;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.JdbcApiKeyStore;
import io.github.padlock.credentials.JdbcUserStore;
import io.github.padlock.credentials.UserStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration for Padlock's JDBC stores (Spring Boot's JDBC support is an optional dependency, which the
 * starter does not bring): users ({@code padlock.jdbc.users.enabled}) and API keys
 * ({@code padlock.jdbc.api-keys.enabled}, with the {@link ApiKeyLifecycle} service) in the application's database,
 * in place of {@code padlock.users} and {@code padlock.api-keys}, and their tables created from Padlock's schema as
 * {@code padlock.jdbc.initialize-schema} says. It runs after the {@code DataSource} is declared and before the
 * configurations of the in-memory stores, which back off. An application's own {@link UserStore} or
 * {@link ApiKeyStore} bean wins over both.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        before = { PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = DispatcherServlet.class,
        name = { "org.springframework.jdbc.core.simple.JdbcClient", "org.springframework.boot.jdbc.DatabaseDriver",
                "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer" })
@EnableConfigurationProperties(PadlockProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class PadlockJdbcAutoConfiguration {

    private static final String USERS = "padlock.jdbc.users.enabled";

    private static final String API_KEYS = "padlock.jdbc.api-keys.enabled";

    @Bean
    @ConditionalOnBooleanProperty(USERS)
    @ConditionalOnMissingBean(UserStore.class)
    JdbcUserStore padlockJdbcUserStore(PadlockProperties properties, ObjectProvider<DataSource> dataSource) {
        if (!properties.getUsers().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(USERS, true,
                    "padlock.users lists users too: keep them in one place, the table or padlock.users");
        }
        PadlockProperties.Jdbc jdbc = properties.getJdbc();
        String table = jdbc.getUsers().getTable();
        return create("padlock.jdbc.users.table", table, jdbc.getQueryTimeout(),
                () -> new JdbcUserStore(dataSource(dataSource, USERS), table, jdbc.getQueryTimeout()));
    }

    @Bean
    @ConditionalOnBooleanProperty(API_KEYS)
    @ConditionalOnMissingBean(ApiKeyStore.class)
    JdbcApiKeyStore padlockJdbcApiKeyStore(PadlockProperties properties, ObjectProvider<DataSource> dataSource) {
        if (!properties.getApiKeys().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(API_KEYS, true,
                    "padlock.api-keys lists keys too: keep them in one place, the table or padlock.api-keys");
        }
        PadlockProperties.Jdbc jdbc = properties.getJdbc();
        String table = jdbc.getApiKeys().getTable();
        return create("padlock.jdbc.api-keys.table", table, jdbc.getQueryTimeout(),
                () -> new JdbcApiKeyStore(dataSource(dataSource, API_KEYS), table, jdbc.getQueryTimeout()));
    }

    /** The lifecycle of the keys the JDBC store checks; none when the application's own store replaced it. */
    @Bean
    @ConditionalOnBean(JdbcApiKeyStore.class)
    @ConditionalOnMissingBean
    ApiKeyLifecycle padlockApiKeyLifecycle(PadlockProperties properties, ObjectProvider<DataSource> dataSource) {
        PadlockProperties.Jdbc jdbc = properties.getJdbc();
        String table = jdbc.getApiKeys().getTable();
        Duration overlap = jdbc.getApiKeys().getRotationOverlap();
        if (overlap.isNegative()) {
            throw new InvalidConfigurationPropertyValueException("padlock.jdbc.api-keys.rotation-overlap", overlap,
                    "The overlap must not be negative");
        }
        return create("padlock.jdbc.api-keys.table", table, jdbc.getQueryTimeout(),
                () -> new ApiKeyLifecycle(dataSource(dataSource, API_KEYS), table, jdbc.getQueryTimeout(), overlap));
    }

    @Bean
    @Conditional(OnJdbcStore.class)
    @ConditionalOnMissingBean
    PadlockSchemaInitializer padlockSchemaInitializer(PadlockProperties properties,
            ObjectProvider<DataSource> dataSource, ResourceLoader resourceLoader) {
        PadlockProperties.Jdbc jdbc = properties.getJdbc();
        Map<String, String> tables = new LinkedHashMap<>();
        if (jdbc.getUsers().isEnabled()) {
            tables.put("users", jdbc.getUsers().getTable());
        }
        if (jdbc.getApiKeys().isEnabled()) {
            tables.put("api-keys", jdbc.getApiKeys().getTable());
        }
        DataSource database = dataSource(dataSource, tables.containsKey("users") ? USERS : API_KEYS);
        return new PadlockSchemaInitializer(database, resourceLoader, jdbc.getInitializeSchema(), tables);
    }

    private static DataSource dataSource(ObjectProvider<DataSource> dataSource, String property) {
        DataSource unique = dataSource.getIfUnique();
        if (unique == null) {
            throw new InvalidConfigurationPropertyValueException(property, true,
                    "The JDBC stores need one DataSource bean: give spring.datasource.url (and the JDBC driver), or "
                            + "declare a DataSource");
        }
        return unique;
    }

    /** A store built from the properties, the table name's and timeout's refusals naming their property. */
    private static <T> T create(String tableProperty, String table, Duration timeout,
            Supplier<T> store) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidConfigurationPropertyValueException("padlock.jdbc.query-timeout", timeout,
                    "The query timeout must be positive");
        }
        try {
            return store.get();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(tableProperty, table, ex.getMessage());
        }
    }

    /** Either JDBC store is enabled. */
    static final class OnJdbcStore extends AnyNestedCondition {

        OnJdbcStore() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty(USERS)
        static final class Users {

        }

        @ConditionalOnBooleanProperty(API_KEYS)
        static final class ApiKeys {

        }
    }
}
