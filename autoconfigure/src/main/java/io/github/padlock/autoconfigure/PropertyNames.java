package io.github.padlock.autoconfigure;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The names {@link PadlockProperties} binds, in the README's spelling ({@code padlock.jwt.clock-skew}), with {@code *}
 * for a map's own keys ({@code padlock.schemes.*.realm}), and the closest of them to a name that is not one; and the
 * values of Padlock's enums in the same spelling ({@code api-key-header}). Read from the classes when a start-up has
 * already failed, never on a request.
 */
final class PropertyNames {

    private static final String ANY = "*";

    private PropertyNames() {
    }

    /** Every name {@link PadlockProperties} binds, map keys as {@code *}. */
    static List<String> known() {
        List<String> names = new ArrayList<>();
        collect("padlock", ResolvableType.forClass(PadlockProperties.class), names);
        return names;
    }

    /**
     * The known name closest to {@code name} (by edit distance, a map key standing for itself), as it would be
     * written with the user's own map keys.
     */
    static String closest(String name) {
        List<String> elements = Arrays.asList(name.split("\\."));
        return closestOf(name, known().stream().map((pattern) -> withKeys(pattern, elements)).toList());
    }

    /** An enum constant as the README writes it: {@code API_KEY_HEADER} is {@code api-key-header}. */
    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The values of an enum as the README writes them, in declaration order. */
    static List<String> spellings(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map((constant) -> spelling((Enum<?>) constant)).toList();
    }

    /** The value of {@code values} closest to {@code given}, both compared in Boot's canonical form. */
    static String closestOf(String given, Collection<String> values) {
        String best = "";
        int bestDistance = Integer.MAX_VALUE;
        for (String value : values) {
            int distance = distance(dashed(given), dashed(value));
            if (distance < bestDistance) {
                best = value;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static void collect(String prefix, ResolvableType type, List<String> names) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type.toClass())) {
            if (property.getReadMethod() == null || property.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + dashed(property.getName());
            ResolvableType propertyType = ResolvableType.forMethodReturnType(property.getReadMethod());
            Class<?> raw = propertyType.toClass();
            if (Map.class.isAssignableFrom(raw)) {
                ResolvableType key = propertyType.asMap().getGeneric(0);
                ResolvableType value = propertyType.asMap().getGeneric(1);
                List<String> keys = key.toClass().isEnum() ? spellings(key.toClass()) : List.of(ANY);
                for (String each : keys) {
                    if (isNested(value.toClass())) {
                        collect(name + "." + each, value, names);
                    }
                    else {
                        names.add(name + "." + each);
                    }
                }
            }
            else if (isNested(raw)) {
                collect(name, propertyType, names);
            }
            else {
                names.add(name);
            }
        }
    }

    /**
     * A class of Padlock's own properties, described by its JavaBean properties: declared in {@link PadlockProperties}
     * or in one of its classes ({@code PadlockProperties.Jwt.Cache}).
     */
    private static boolean isNested(Class<?> type) {
        if (type.isEnum() || type == Duration.class) {
            return false;
        }
        for (Class<?> declaring = type.getDeclaringClass(); declaring != null;
                declaring = declaring.getDeclaringClass()) {
            if (declaring == PadlockProperties.class) {
                return true;
            }
        }
        return false;
    }

    /** The pattern with each {@code *} replaced by the element of the name in its place. */
    private static String withKeys(String pattern, List<String> elements) {
        String[] parts = pattern.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(ANY)) {
                parts[i] = (i < elements.size()) ? elements.get(i) : "<name>";
            }
        }
        return String.join(".", parts);
    }

    /** {@code clockSkew} and {@code clock_skew} as {@code clock-skew}, Boot's canonical form. */
    static String dashed(String name) {
        StringBuilder dashed = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && name.charAt(i - 1) != '.') {
                dashed.append('-').append(Character.toLowerCase(c));
            }
            else {
                dashed.append((c == '_') ? '-' : Character.toLowerCase(c));
            }
        }
        return dashed.toString();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The name as it was written in a property source of the environment, when one has it. */
    static @Nullable String asWritten(ConfigurationPropertyName name, Iterable<String> written) {
        for (String candidate : written) {
            ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(candidate, '.');
            if (adapted.equals(name)) {
                return candidate;
            }
        }
        return null;
    }
}
