package io.github.padlock.scheme;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic authentication (RFC 7617): FastAPI's {@code HTTPBasic}. Produces the {@link HttpBasicCredentials} sent
 * in {@code Authorization: Basic <base64(user-id:password)>}; it does not check them — a {@link io.github.padlock.Verifier}
 * does.
 * <ul>
 * <li>No header, or another scheme: 401 {@code Not authenticated} with {@link #challenge()}, or {@code null} when
 * {@code autoError} is off.</li>
 * <li>A malformed payload — not canonical base64, not UTF-8, no colon, control characters: the same 401 even when
 * {@code autoError} is off, as in FastAPI.</li>
 * <li>Several {@code Authorization} headers (RFC 9110 §5.3 does not allow them to be combined): 400
 * {@code invalid_request} without a challenge, whatever {@code autoError}.</li>
 * </ul>
 * Two deliberate differences from FastAPI: the payload is decoded as UTF-8 (RFC 7617 §2.1) rather than ASCII, and
 * base64 is strict (RFC 4648 §3.3, §3.5) rather than skipping junk characters.
 * <p>
 * To answer differently (FastAPI's {@code make_not_authenticated_error()}), subclass it and override
 * {@link #makeNotAuthenticatedError()}.
 */
public class HttpBasic extends AbstractSecurityScheme<HttpBasicCredentials> {

    private static final String SCHEME = "Basic";

    private final @Nullable String realm;

    private final String challenge;

    /**
     * @param builder the settings
     */
    protected HttpBasic(Builder builder) {
        super(builder, HttpBasic.class, "HTTPBasic");
        this.realm = builder.realm;
        this.challenge = (this.realm != null && !this.realm.isEmpty())
                ? SCHEME + " realm=" + quoted(this.realm) : SCHEME;
    }

    /**
     * @return a builder with FastAPI's defaults: no realm, no description, {@code autoError} on
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable HttpBasicCredentials resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = authorization(request);
        if (!header.hasScheme(SCHEME)) {
            return missing();
        }
        HttpBasicCredentials credentials = decode(header.param());
        if (credentials == null) {
            throw makeNotAuthenticatedError();
        }
        return credentials;
    }

    /**
     * @return the {@code WWW-Authenticate} value: {@code Basic realm="<realm>"} when a realm is set, else
     * {@code Basic}; verifiers use it when they refuse credentials
     */
    @Override
    public String challenge() {
        return this.challenge;
    }

    /**
     * @return the realm sent in the challenge, or {@code null}; it is not part of the OpenAPI document
     */
    public @Nullable String realm() {
        return this.realm;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.Http("basic", null, description());
    }

    private static @Nullable HttpBasicCredentials decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        if (!CanonicalBase64.isCanonicalBase64(token)) {
            return null;
        }
        String decoded = isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : strictUtf8(bytes);
        if (decoded == null) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || containsControlCharacter(decoded)) {
            return null;
        }
        return new HttpBasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7617 §2.1: UTF-8; malformed input is refused rather than replaced. */
    private static @Nullable String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    /** RFC 7617 §2: the user-id and password MUST NOT contain control characters. */
    private static boolean containsControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An RFC 9110 §5.6.4 quoted-string. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /**
     * Settings of an {@link HttpBasic}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String realm;

        /**
         * Lets a builder with more settings extend this one; applications start from {@link HttpBasic#builder()}.
         */
        protected Builder() {
        }

        /**
         * @param realm the protection space announced in {@code WWW-Authenticate} (RFC 7617 §2); printable
         * characters only
         * @return this builder
         */
        public Builder realm(@Nullable String realm) {
            if (realm != null && realm.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("realm must not contain control characters");
            }
            this.realm = realm;
            return this;
        }

        /**
         * @return the scheme
         */
        public HttpBasic build() {
            return new HttpBasic(this);
        }
    }
}
