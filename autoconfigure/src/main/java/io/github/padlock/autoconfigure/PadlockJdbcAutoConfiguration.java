package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import io.github.padlock.credentials.ApiKeyLifecycle;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.JdbcAccess;
import io.github.padlock.credentials.JdbcApiKeyStore;
import io.github.padlock.credentials.JdbcUserStore;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.oauth2.ExpiredTokenSweeper;
import io.github.padlock.oauth2.JdbcTokenStore;
import io.github.padlock.oauth2.TokenStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration for Padlock's JDBC stores (Spring Boot's JDBC support is an optional dependency, which the
 * starter does not bring): users ({@code padlock.jdbc.users.enabled}) and API keys
 * ({@code padlock.jdbc.api-keys.enabled}, with the {@link ApiKeyLifecycle} service) in the application's database,
 * in place of {@code padlock.users} and {@code padlock.api-keys}, and their tables created from Padlock's schema as
 * {@code padlock.jdbc.initialize-schema} says. It runs after the {@code DataSource} is declared and before the
 * configurations of the in-memory stores, which back off. An application's own {@link UserStore} or
 * {@link ApiKeyStore} bean wins over both. With {@code padlock.token-endpoint.store: jdbc}, the token endpoint's
 * {@link JdbcTokenStore} too (its tables created by the same initializer), and the {@link ExpiredTokenSweeper} that
 * deletes its expired rows.
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

    private static final String TOKEN_STORE = "padlock.token-endpoint.store";

    private static final String TOKEN_JDBC = "padlock.token-endpoint.jdbc";

    private static final String CREDENTIALS = "io/github/padlock/credentials/";

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

    /** The token store in the database, when the token endpoint keeps its revocations and refresh tokens there. */
    @Bean
    @Conditional(OnJdbcTokenStore.class)
    @ConditionalOnMissingBean(TokenStore.class)
    JdbcTokenStore padlockJdbcTokenStore(PadlockProperties properties, ObjectProvider<DataSource> dataSource) {
        PadlockProperties.TokenEndpoint.TokenJdbc tokens = properties.getTokenEndpoint().getJdbc();
        Duration timeout = properties.getJdbc().getQueryTimeout();
        DataSource database = dataSource(dataSource, TOKEN_STORE, "jdbc");
        create(TOKEN_JDBC + ".revoked-table", tokens.getRevokedTable(), timeout,
                () -> JdbcAccess.checkedTable(tokens.getRevokedTable()));
        return create(TOKEN_JDBC + ".refresh-table", tokens.getRefreshTable(), timeout,
                () -> new JdbcTokenStore(database, tokens.getRevokedTable(), tokens.getRefreshTable(), timeout));
    }

    /** Deletes the token store's expired rows, every {@code padlock.token-endpoint.jdbc.sweep-interval}. */
    @Bean
    @ConditionalOnBean(JdbcTokenStore.class)
    @ConditionalOnMissingBean
    ExpiredTokenSweeper padlockExpiredTokenSweeper(JdbcTokenStore store, PadlockProperties properties) {
        Duration interval = properties.getTokenEndpoint().getJdbc().getSweepInterval();
        try {
            return new ExpiredTokenSweeper(store, interval);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(TOKEN_JDBC + ".sweep-interval", interval,
                    "The interval must be at least one second");
        }
    }

    @Bean
    @Conditional(OnJdbcStore.class)
    @ConditionalOnMissingBean
    PadlockSchemaInitializer padlockSchemaInitializer(PadlockProperties properties,
            ObjectProvider<DataSource> dataSource, ResourceLoader resourceLoader, Environment environment,
            ObjectProvider<TokenStore> tokenStore) {
        PadlockProperties.Jdbc jdbc = properties.getJdbc();
        List<PadlockSchemaInitializer.Script> scripts = new ArrayList<>();
        String property = null;
        if (jdbc.getUsers().isEnabled()) {
            scripts.add(new PadlockSchemaInitializer.Script(CREDENTIALS + "schema-users",
                    Map.of(JdbcUserStore.DEFAULT_TABLE, jdbc.getUsers().getTable())));
            property = USERS;
        }
        if (jdbc.getApiKeys().isEnabled()) {
            scripts.add(new PadlockSchemaInitializer.Script(CREDENTIALS + "schema-api-keys",
                    Map.of(JdbcApiKeyStore.DEFAULT_TABLE, jdbc.getApiKeys().getTable())));
            property = (property != null) ? property : API_KEYS;
        }
        // The token tables, unless the application's own store, not a JDBC one, replaced Padlock's.
        if (OnJdbcTokenStore.matches(environment) && tokenStore.getIfUnique() instanceof JdbcTokenStore) {
            PadlockProperties.TokenEndpoint.TokenJdbc tokens = properties.getTokenEndpoint().getJdbc();
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put(JdbcTokenStore.DEFAULT_REVOKED_TABLE, tokens.getRevokedTable());
            tables.put(JdbcTokenStore.DEFAULT_REFRESH_TABLE, tokens.getRefreshTable());
            scripts.add(new PadlockSchemaInitializer.Script("io/github/padlock/oauth2/schema-tokens", tables));
            property = (property != null) ? property : TOKEN_STORE;
        }
        if (property == null) {
            return new PadlockSchemaInitializer(null, resourceLoader, PadlockProperties.SchemaInitialization.NEVER,
                    scripts);
        }
        DataSource database = dataSource(dataSource, property, property.equals(TOKEN_STORE) ? "jdbc" : true);
        return new PadlockSchemaInitializer(database, resourceLoader, jdbc.getInitializeSchema(), scripts);
    }

    private static DataSource dataSource(ObjectProvider<DataSource> dataSource, String property) {
        return dataSource(dataSource, property, true);
    }

    private static DataSource dataSource(ObjectProvider<DataSource> dataSource, String property, Object value) {
        DataSource unique = dataSource.getIfUnique();
        if (unique == null) {
            throw new InvalidConfigurationPropertyValueException(property, value,
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

    /** The token endpoint keeps its revocations and refresh tokens in the database. */
    static final class OnJdbcTokenStore extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matches(context.getEnvironment()) ? ConditionOutcome.match(TOKEN_STORE + " is jdbc")
                    : ConditionOutcome.noMatch("the token endpoint keeps no tokens in the database");
        }

        /** The token endpoint is on, revocation too, and its store is jdbc. */
        static boolean matches(Environment environment) {
            Binder binder = Binder.get(environment);
            return binder.bind("padlock.token-endpoint.enabled", Boolean.class).orElse(false)
                    && binder.bind("padlock.token-endpoint.revocation.enabled", Boolean.class).orElse(true)
                    && "jdbc".equalsIgnoreCase(binder.bind(TOKEN_STORE, String.class).orElse("memory").strip());
        }
    }

    /** A JDBC store is enabled. */
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

        @Conditional(OnJdbcTokenStore.class)
        static final class Tokens {

        }
    }
}
