package io.github.padlock.jwt;

import java.util.Map;

import com.nimbusds.jwt.JWTClaimNames;

/**
 * The time claims {@code exp}, {@code nbf} and {@code iat} (RFC 7519 §4.1.4–§4.1.6), NumericDates (§2: seconds since
 * the epoch, a JSON number), bounded so that no arithmetic on them can overflow: nimbus-jose-jwt multiplies the
 * seconds by 1,000 in a {@code long} and adds the clock skew to the milliseconds, so that an {@code nbf} of 2^63 − 1
 * seconds, "not before the end of time", would wrap round to a date long past and make the token valid now, and an
 * {@code exp} past the range could wrap round to a moment of the signer's choosing; and a JSON {@code null} is no
 * NumericDate, though nimbus takes {@code "exp": null} for a present {@code exp} that it then never checks. {@link
 * JwtDecoder} refuses a token without a numeric {@code exp}, or with a time claim that is not a finite number within
 * the last second of the year 9999 either side of the epoch (the last second RFC 3339 can write: under
 * {@value #MAX_SECONDS} + 1 seconds), before nimbus reads it; {@link JwtIssuer} never issues one.
 */
final class NumericDateClaims {

    /** 9999-12-31T23:59:59Z in seconds since the epoch; the bound is the same before the epoch. */
    static final long MAX_SECONDS = 253_402_300_799L;

    private static final String[] NAMES = { JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.NOT_BEFORE,
            JWTClaimNames.ISSUED_AT };

    private NumericDateClaims() {
    }

    /**
     * @param claims the claims as the JSON parser read them
     * @return whether {@code exp} is a number and every time claim present is a number no further from the epoch
     * than the end of the year 9999: never {@code null}, which nimbus would take for present when it checks that
     * {@code exp} is required and for absent when it checks the expiry, a token that never expires
     */
    static boolean areValid(Map<String, ?> claims) {
        if (!(claims.get(JWTClaimNames.EXPIRATION_TIME) instanceof Number)) {
            return false;
        }
        for (String name : NAMES) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof Number value && isInRange(value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInRange(Number value) {
        if (value instanceof Long || value instanceof Integer) { // what JSON parsers give for integers
            long seconds = value.longValue();
            return seconds >= -MAX_SECONDS && seconds <= MAX_SECONDS;
        }
        double seconds = value.doubleValue(); // a Double, or a BigDecimal or BigInteger that a parser may give
        return Double.isFinite(seconds) && Math.abs(seconds) < MAX_SECONDS + 1; // the year 9999's last second whole
    }
}
