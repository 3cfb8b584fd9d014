package io.github.padlock.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Explains a {@code padlock.*} property that does not bind in the README's own words, ahead of Spring Boot's analyses:
 * <ul>
 * <li>a key Padlock does not know ({@code padlock.jwt.isuer}, which would otherwise leave tokens without an issuer) is
 * named as written, with the closest known key — and its value is never shown, since a misspelled
 * {@code padlock.jwt.secrett} holds a secret ({@link PadlockProperties} binds with unknown fields refused);</li>
 * <li>a value that is none of an enum's ({@code type: api-key-headr}) lists the valid ones as the README spells them
 * ({@code api-key-header}, not {@code API_KEY_HEADER}) and names the closest.</li>
 * </ul>
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PadlockPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private final List<String> written = new ArrayList<>();

    PadlockPropertiesFailureAnalyzer(Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    this.written.addAll(List.of(enumerable.getPropertyNames()));
                }
            }
        }
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (!cause.getName().toString().startsWith("padlock")) {
            return null;
        }
        UnboundConfigurationPropertiesException unbound = findCause(cause,
                UnboundConfigurationPropertiesException.class);
        if (unbound != null) {
            return unknown(unbound, cause);
        }
        ConversionFailedException conversion = findCause(cause, ConversionFailedException.class);
        if (conversion != null && conversion.getTargetType().getType().isEnum()
                && conversion.getTargetType().getType().getDeclaringClass() == PadlockProperties.class) {
            return notAValue(cause, conversion);
        }
        return null;
    }

    private FailureAnalysis unknown(UnboundConfigurationPropertiesException unbound, BindException cause) {
        StringBuilder description = new StringBuilder("Padlock does not know these configuration properties (their "
                + "values are not shown):\n");
        StringBuilder action = new StringBuilder("Correct or remove them:\n");
        List<ConfigurationProperty> properties = new ArrayList<>(unbound.getUnboundProperties());
        properties.sort(Comparator.comparing((property) -> property.getName().toString()));
        for (ConfigurationProperty property : properties) {
            String name = asWritten(property.getName());
            description.append("\n    ").append(name).append(at(property.getOrigin()));
            action.append("\n    ").append(name).append(": did you mean ").append(PropertyNames.closest(name))
                .append('?');
        }
        action.append("\n\nThe README's section 'Configure it in application.yml' describes Padlock's properties, "
                + "and an IDE completes them from the metadata in padlock-spring-boot-autoconfigure.");
        return new FailureAnalysis(description.toString(), action.toString(), cause);
    }

    private FailureAnalysis notAValue(BindException cause, ConversionFailedException conversion) {
        Class<?> type = conversion.getTargetType().getType();
        List<String> values = PropertyNames.spellings(type);
        String given = String.valueOf(conversion.getValue());
        String name = asWritten(cause.getName());
        String description = "'" + given + "' is not a valid value of '" + name + "'" + at(cause.getOrigin()) + ".";
        String action = "Use one of " + String.join(", ", values) + " (did you mean "
                + PropertyNames.closestOf(given, values) + "?).";
        return new FailureAnalysis(description, action, cause);
    }

    private String asWritten(ConfigurationPropertyName name) {
        String written = PropertyNames.asWritten(name, this.written);
        return (written != null) ? written : name.toString();
    }

    private static String at(@Nullable Origin origin) {
        return (origin != null) ? " (" + origin + ")" : "";
    }
}
