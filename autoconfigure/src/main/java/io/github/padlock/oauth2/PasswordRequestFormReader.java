package io.github.padlock.oauth2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.padlock.PadlockException;
import io.github.padlock.scheme.QueryString;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads and validates the password request form fields (FastAPI §2.11) from a form body; and, with the same rules
 * (one body value per field, a body the container cannot decode refused), the token endpoint's refresh grant
 * (RFC 6749 §6) and the revocation request (RFC 7009 §2.1).
 */
final class PasswordRequestFormReader {

    static final String REQUIRED = "Field required";

    static final String NOT_PASSWORD = "String should match pattern '^password$'";

    static final String CONTROL_CHARACTER = "Field must not contain control characters";

    /** RFC 6749 §6's grant type. */
    static final String REFRESH_TOKEN = "refresh_token";

    static final String REPEATED = "Field must not be sent more than once";

    /** The pseudo-field of a form body the container could not decode. */
    static final String BODY = "body";

    static final String UNREADABLE = "The form could not be decoded";

    private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA);

    private final HttpServletRequest request;

    private final List<InvalidPasswordRequestFormException.FieldError> errors = new ArrayList<>();

    private PasswordRequestFormReader(HttpServletRequest request) {
        this.request = request;
    }

    static OAuth2PasswordRequestForm read(HttpServletRequest request) {
        Fields fields = new PasswordRequestFormReader(checkMediaType(request)).fields(false);
        return new OAuth2PasswordRequestForm(fields.grantType(), fields.username(), fields.password(),
                fields.scopes(), fields.clientId(), fields.clientSecret());
    }

    /**
     * @return the body's one {@code scope} value as sent (the form's own checks have run), or {@code null}
     */
    static @Nullable String rawScope(HttpServletRequest request) {
        return new PasswordRequestFormReader(request).optional("scope");
    }

    static OAuth2PasswordRequestFormStrict readStrict(HttpServletRequest request) {
        Fields fields = new PasswordRequestFormReader(checkMediaType(request)).fields(true);
        return new OAuth2PasswordRequestFormStrict(orEmpty(fields.grantType()), fields.username(), fields.password(),
                fields.scopes(), fields.clientId(), fields.clientSecret());
    }

    /**
     * @return the body's one {@code grant_type} value, or {@code null} when it is absent or repeated (the form's
     * own reading then says so)
     * @throws PadlockException 415 when the body is not a form
     */
    static @Nullable String grantType(HttpServletRequest request) {
        PasswordRequestFormReader reader = new PasswordRequestFormReader(checkMediaType(request));
        return reader.optional("grant_type");
    }

    /**
     * The refresh grant's form (RFC 6749 §6): {@code grant_type=refresh_token} and {@code refresh_token}, required,
     * without control characters; {@code scope} is read by {@link #rawScope}.
     * @return the refresh token as sent
     * @throws InvalidPasswordRequestFormException naming each bad field
     */
    static String readRefresh(HttpServletRequest request) {
        PasswordRequestFormReader reader = new PasswordRequestFormReader(checkMediaType(request));
        reader.required("grant_type");
        String token = reader.withoutControlCharacters(REFRESH_TOKEN, reader.required(REFRESH_TOKEN));
        reader.optional("scope");
        reader.throwIfInvalid();
        return orEmpty(token);
    }

    /**
     * The revocation request (RFC 7009 §2.1): {@code token}, required, without control characters, and
     * {@code token_type_hint}, optional.
     * @return the token as sent, and the hint or {@code null}
     * @throws InvalidPasswordRequestFormException naming each bad field
     */
    static Revocation readRevocation(HttpServletRequest request) {
        PasswordRequestFormReader reader = new PasswordRequestFormReader(checkMediaType(request));
        String token = reader.withoutControlCharacters("token", reader.required("token"));
        String hint = reader.optional("token_type_hint");
        reader.throwIfInvalid();
        return new Revocation(orEmpty(token), hint);
    }

    private @Nullable String withoutControlCharacters(String field, @Nullable String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            this.errors.add(new InvalidPasswordRequestFormException.FieldError(field, CONTROL_CHARACTER));
            return null;
        }
        return value;
    }

    private void throwIfInvalid() {
        if (!this.errors.isEmpty()) {
            throw new InvalidPasswordRequestFormException(this.errors);
        }
    }

    /** Every field, in form order, each problem recorded; throws when there is any. */
    private Fields fields(boolean strict) {
        String grantType = grantType(strict);
        String username = required("username");
        String password = required("password");
        List<String> scopes = scopes();
        String clientId = optional("client_id");
        String clientSecret = optional("client_secret");
        if (!this.errors.isEmpty()) {
            throw new InvalidPasswordRequestFormException(this.errors);
        }
        return new Fields(grantType, orEmpty(username), orEmpty(password), scopes, clientId, clientSecret);
    }

    private static HttpServletRequest checkMediaType(HttpServletRequest request) {
        String contentType = request.getContentType();
        try {
            if (contentType != null) {
                MediaType mediaType = MediaType.parseMediaType(contentType);
                if (FORM_TYPES.stream().anyMatch((formType) -> formType.includes(mediaType))) {
                    return request;
                }
            }
        }
        catch (InvalidMediaTypeException | IndexOutOfBoundsException ex) {
            // answered below; Spring's MimeTypeUtils throws StringIndexOutOfBoundsException for some hostile values,
            // such as a type that starts with a quote
        }
        throw new PadlockException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The form must be sent as application/x-www-form-urlencoded or multipart/form-data",
                List.of());
    }

    private @Nullable String grantType(boolean required) {
        String grantType = required ? required("grant_type") : optional("grant_type");
        if (grantType != null && !grantType.equals("password")) {
            this.errors.add(new InvalidPasswordRequestFormException.FieldError("grant_type", NOT_PASSWORD));
        }
        return grantType;
    }

    private @Nullable String required(String field) {
        String value = optional(field);
        if (value == null && !hasError(field)) {
            this.errors.add(new InvalidPasswordRequestFormException.FieldError(field, REQUIRED));
        }
        return value;
    }

    private List<String> scopes() {
        String scope = optional("scope");
        return (scope == null || scope.isBlank()) ? List.of() : Arrays.asList(scope.strip().split("\\s+"));
    }

    /** The field's single body value; empty counts as absent, as in FastAPI. */
    private @Nullable String optional(String field) {
        String[] values;
        try {
            values = this.request.getParameterValues(field);
        }
        catch (IllegalStateException ex) {
            // Tomcat's InvalidParameterException: a body it could not decode (bad percent-encoding, too many
            // parameters). Its message quotes the raw values, password included: neither logged nor sent.
            throw new InvalidPasswordRequestFormException(
                    List.of(new InvalidPasswordRequestFormException.FieldError(BODY, UNREADABLE)));
        }
        int inQuery = QueryString.count(this.request.getQueryString(), field);
        int inBody = (values != null) ? values.length - inQuery : 0;
        if (inBody > 1) {
            this.errors.add(new InvalidPasswordRequestFormException.FieldError(field, REPEATED));
            return null;
        }
        // The Servlet specification presents query string values before body values.
        String value = (inBody == 1) ? values[inQuery] : null;
        return (value == null || value.isEmpty()) ? null : value;
    }

    private boolean hasError(String field) {
        return this.errors.stream().anyMatch((error) -> error.field().equals(field));
    }

    private static String orEmpty(@Nullable String value) {
        return (value != null) ? value : "";
    }

    /**
     * A revocation request.
     * @param token the token to revoke, as sent
     * @param hint its {@code token_type_hint}, or {@code null}
     */
    record Revocation(String token, @Nullable String hint) {
    }

    private record Fields(@Nullable String grantType, String username, String password, List<String> scopes,
            @Nullable String clientId, @Nullable String clientSecret) {
    }
}
