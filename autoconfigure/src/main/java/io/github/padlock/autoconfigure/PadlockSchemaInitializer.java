package io.github.padlock.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.github.padlock.autoconfigure.PadlockProperties.SchemaInitialization;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Creates the tables of the enabled JDBC stores at start-up from the schema Padlock ships for the database's platform
 * ({@code io/github/padlock/credentials/schema-<users|api-keys>-<postgresql|h2>.sql},
 * {@code io/github/padlock/oauth2/schema-tokens-<postgresql|h2>.sql}), with the configured table names written in place
 * of the default ones; when {@code padlock.jdbc.initialize-schema} says so: {@code always}, or
 * {@code embedded} (the default) for an embedded database only. The scripts create what does not exist
 * ({@code CREATE TABLE IF NOT EXISTS}), so a start-up against a database that has the tables changes nothing.
 * <p>
 * Spring Boot's database initialization runs it before the application's own {@code schema.sql} and {@code data.sql}
 * ({@link PadlockSchemaInitializerDetector}), so that these can fill Padlock's tables.
 */
final class PadlockSchemaInitializer implements InitializingBean {

    private static final String PROPERTY = "padlock.jdbc.initialize-schema";

    private final @Nullable DataSource dataSource;

    private final ResourceLoader resourceLoader;

    private final SchemaInitialization mode;

    /** The scripts to run. */
    private final List<Script> scripts;

    /**
     * @param dataSource the database, {@code null} only when there is no script to run
     * @param resourceLoader finds the scripts
     * @param mode when to run them
     * @param scripts the scripts to run, in order
     */
    PadlockSchemaInitializer(@Nullable DataSource dataSource, ResourceLoader resourceLoader, SchemaInitialization mode,
            List<Script> scripts) {
        this.dataSource = dataSource;
        this.resourceLoader = resourceLoader;
        this.mode = mode;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public void afterPropertiesSet() {
        DataSource database = this.dataSource;
        if (database == null || this.mode == SchemaInitialization.NEVER || this.scripts.isEmpty()
                || (this.mode == SchemaInitialization.EMBEDDED && !EmbeddedDatabaseConnection.isEmbedded(database))) {
            return;
        }
        String platform = platform();
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (Script script : this.scripts) {
            populator.addScript(script(script, platform));
        }
        populator.execute(database);
    }

    private String platform() {
        String url;
        try {
            url = JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(this.dataSource),
                    DatabaseMetaData::getURL);
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("Cannot read the database's URL to choose Padlock's schema", ex);
        }
        return DatabaseDriver.fromJdbcUrl(url).getId();
    }

    /** The script of one store for the platform, with the configured table names in place of the defaults. */
    private Resource script(Script script, String platform) {
        String location = "classpath:" + script.name() + "-" + platform + ".sql";
        Resource resource = this.resourceLoader.getResource(location);
        if (!resource.exists()) {
            throw new InvalidConfigurationPropertyValueException(PROPERTY, PropertyNames.spelling(this.mode),
                    "Padlock ships its schema for PostgreSQL and H2, not for this database (" + platform
                            + "): create the tables yourself, after " + script.name()
                            + "-postgresql.sql, and set " + PROPERTY + " to never");
        }
        try {
            String sql = resource.getContentAsString(StandardCharsets.UTF_8);
            for (Map.Entry<String, String> table : script.tables().entrySet()) {
                sql = Pattern.compile("\\b" + table.getKey() + "\\b").matcher(sql)
                    .replaceAll(Matcher.quoteReplacement(table.getValue()));
            }
            return new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8), location);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + location, ex);
        }
    }

    /**
     * A schema script of Padlock's.
     *
     * @param name its location without the platform and extension, such as
     * {@code io/github/padlock/credentials/schema-users}
     * @param tables each default table name of the script, with the configured one
     */
    record Script(String name, Map<String, String> tables) {

        Script {
            tables = new LinkedHashMap<>(tables);
        }
    }
}
