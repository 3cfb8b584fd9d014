package io.github.padlock.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnPadlockEntries}.
 */
final class OnPadlockEntriesCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnPadlockEntries.class.getName());
        String prefix = (String) attributes.get("value");
        return hasEntries(context.getEnvironment(), prefix) ? ConditionOutcome.match("found entries below " + prefix)
                : ConditionOutcome.noMatch("no entries below " + prefix);
    }

    /**
     * @param environment the environment
     * @param prefix a property prefix, such as {@code padlock.users}
     * @return whether some property lies below it
     */
    static boolean hasEntries(Environment environment, String prefix) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && iterable.stream().anyMatch(name::isAncestorOf)) {
                return true;
            }
        }
        return false;
    }
}
