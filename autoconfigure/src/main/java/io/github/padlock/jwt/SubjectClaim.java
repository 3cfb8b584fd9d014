package io.github.padlock.jwt;

import org.jspecify.annotations.Nullable;

/**
 * The {@code sub} claim (RFC 7519 §4.1.2), which Padlock requires and hands to the application as the principal's
 * name: a StringOrURI (§2), so a JSON string, never a number or anything else (nimbus-jose-jwt would turn
 * {@code "sub": 5} into {@code "5"}); not blank; and without control characters (C0, DEL, C1) or unpaired UTF-16
 * surrogates, which have no place in a name and could forge lines or break the encoding of whatever logs or stores it.
 * {@link JwtDecoder} refuses a token whose {@code sub} is not one, and {@link JwtIssuer} never issues one.
 */
final class SubjectClaim {

    private SubjectClaim() {
    }

    /**
     * @param value the {@code sub} claim as the JSON parser read it, or {@code null} when absent
     * @return whether it is an acceptable subject
     */
    static boolean isValid(@Nullable Object value) {
        if (!(value instanceof String subject) || subject.isBlank()) {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == subject.length() || !Character.isLowSurrogate(subject.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
