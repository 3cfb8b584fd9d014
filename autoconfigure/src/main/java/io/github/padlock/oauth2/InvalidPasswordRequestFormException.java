package io.github.padlock.oauth2;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.padlock.PadlockException;

import org.springframework.http.HttpStatus;

/**
 * A malformed {@link OAuth2PasswordRequestForm}: 400 problem+json whose {@code errors} member names each bad field
 * with what is wrong with it, never its value, and whose {@code error} member is RFC 6749 §5.2's
 * {@code invalid_request}.
 */
public final class InvalidPasswordRequestFormException extends PadlockException {

    /** Each bad field with what is wrong with it, in the form's order. */
    private final List<FieldError> errors;

    InvalidPasswordRequestFormException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request: " + errors.stream()
            .map((error) -> error.field() + ": " + error.message())
            .collect(Collectors.joining("; ")), List.of());
        this.errors = List.copyOf(errors);
        getBody().setProperty("error", "invalid_request");
        getBody().setProperty("errors", this.errors.stream()
            .map((error) -> Map.of("field", error.field(), "message", error.message()))
            .toList());
    }

    /**
     * @return the bad fields, in form order
     */
    public List<FieldError> errors() {
        return this.errors;
    }

    /**
     * A bad field.
     *
     * @param field the form field's name, such as {@code grant_type}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
