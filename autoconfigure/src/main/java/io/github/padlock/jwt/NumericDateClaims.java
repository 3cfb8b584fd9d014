package io.github.padlock.jwt;

import java.util.Map;

import com.nimbusds.jwt.JWTClaimNames;

/**
 * The time claims {@code exp}, {@code nbf} and {@code iat} (RFC 7519 §4.1.4–§4.1.6), NumericDates (§2: seconds since
 * the epoch, a JSON number), bounded so that no arithmetic on them can overflow: nimbus-jose-jwt multiplies the
 * seconds by 1,000 in a {@code long} and adds the clock skew to the milliseconds, so that an {@code nbf} of 2^63 − 1
 * seconds, "not before the end of time", would wrap round to a date long past and make the token valid now, and an
 * {@code exp} past the range could wrap round to a moment of the signer's choosing. {@link JwtDecoder} refuses a token
 * whose time claim is not a finite number of at most {@value #MAX_SECONDS} seconds either side of the epoch (the end
 * of the year 9999, the last instant RFC 3339 can write) before nimbus reads it; {@link JwtIssuer} never issues one.
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
     * @return whether every time claim present is a number within ±{@link #MAX_SECONDS} (one that is not a number is
     * left to nimbus, which refuses it)
     */
    static boolean areInRange(Map<String, ?> claims) {
        for (String name : NAMES) {
            if (claims.get(name) instanceof Number value && !isInRange(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInRange(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long seconds = value.longValue();
            return seconds >= -MAX_SECONDS && seconds <= MAX_SECONDS;
        }
        double seconds = value.doubleValue(); // a Double, or a BigDecimal or BigInteger that a parser may give
        return Double.isFinite(seconds) && Math.abs(seconds) <= MAX_SECONDS;
    }
}
