package io.github.padlock.jwt;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@code typ} header (RFC 7515 §4.1.9) that a {@link JwtDecoder} accepts and a {@link JwtIssuer} writes, so that
 * another kind of JWT signed by the same key is not taken for an access token (RFC 8725 §3.11). A media type,
 * compared case-insensitively and with {@code application/} understood when it has no slash: {@code at+jwt},
 * {@code AT+JWT} and {@code application/at+jwt} are one type. With the {@code type} setting, such as {@code at+jwt}
 * (RFC 9068 §2.1), the header must be present and name it; without it, it may be absent, {@code JWT} or
 * {@code at+jwt}. Only the ASCII characters of a media type are compared, so that no look-alike letter passes.
 */
final class TokenType implements JOSEObjectTypeVerifier<SecurityContext> {

    static final String TYPE = "type";

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";

    /** RFC 6838 §4.2's restricted-name, after a type and a slash or alone. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("(" + NAME + "/)?" + NAME);

    private static final Set<String> UNSET = Set.of("application/jwt", "application/at+jwt");

    private final @Nullable String required;

    private final JOSEObjectType issued;

    /**
     * The usual spellings of the accepted types ({@code JWT}, {@code at+jwt}, {@code application/at+jwt}), taken
     * without the pattern match and the lower-casing that every other {@code typ} goes through: each is one that
     * {@link #normalize} turns into an accepted type.
     */
    private final Set<String> usualSpellings;

    private TokenType(@Nullable String required, JOSEObjectType issued) {
        this.required = required;
        this.issued = issued;
        Set<String> spellings = new HashSet<>();
        for (String accepted : (required != null) ? Set.of(required) : UNSET) {
            spellings.add(accepted);
            String subtype = accepted.substring(accepted.indexOf('/') + 1);
            if (accepted.startsWith("application/") && subtype.indexOf('/') < 0) {
                spellings.add(subtype);
                spellings.add(subtype.toUpperCase(Locale.ROOT));
            }
        }
        this.usualSpellings = Set.copyOf(spellings);
    }

    /**
     * @param type the {@code type} setting, or {@code null}
     * @return the check it asks for
     * @throws IllegalArgumentException naming the setting when it is not a media type
     */
    static TokenType of(@Nullable String type) {
        if (type == null) {
            return new TokenType(null, JOSEObjectType.JWT);
        }
        String required = normalize(type.strip());
        if (required == null) {
            throw new IllegalArgumentException(TYPE + ": must be a media type without parameters, such as at+jwt");
        }
        // RFC 7515 §4.1.9 recommends leaving out application/ when no other slash remains.
        String written = type.strip();
        if (written.regionMatches(true, 0, "application/", 0, 12) && written.indexOf('/', 12) < 0) {
            written = written.substring(12);
        }
        return new TokenType(required, new JOSEObjectType(written));
    }

    @Override
    public void verify(@Nullable JOSEObjectType type, @Nullable SecurityContext context) throws BadJOSEException {
        if (type == null) {
            if (this.required != null) {
                throw new BadJOSEException("Required typ header missing");
            }
            return;
        }
        if (this.usualSpellings.contains(type.getType())) {
            return;
        }
        String named = normalize(type.getType());
        if (named == null || !((this.required != null) ? this.required.equals(named) : UNSET.contains(named))) {
            throw new BadJOSEException("Unexpected typ header");
        }
    }

    /**
     * @return the required type, lower case with its {@code application/}, or {@code null} for the defaults
     */
    @Nullable String required() {
        return this.required;
    }

    /**
     * @return what issued tokens carry in {@code typ}: the required type, or {@code JWT}
     */
    JOSEObjectType issued() {
        return this.issued;
    }

    /**
     * @return the media type in lower case with {@code application/} when it has no slash, or {@code null} when it
     * is not one
     */
    private static @Nullable String normalize(String type) {
        if (!MEDIA_TYPE.matcher(type).matches()) {
            return null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return (lower.indexOf('/') >= 0) ? lower : "application/" + lower;
    }
}
