package io.github.padlock.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot's database initialization that {@link PadlockSchemaInitializer} initializes the database, and
 * that it comes before the application's {@code schema.sql} and {@code data.sql} (whose detector is ordered
 * {@code Ordered.LOWEST_PRECEDENCE - 100}): those may then fill Padlock's tables, and beans that depend on database
 * initialization (a {@code JdbcTemplate}, a {@code JdbcClient}) wait for both.
 */
final class PadlockSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(PadlockSchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 200;
    }
}
