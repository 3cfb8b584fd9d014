package io.github.padlock;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A header or cookie that a request carries more than once where one value is expected: 400 {@code invalid_request},
 * whatever {@code autoError}, since guessing which value was meant could authenticate the wrong one. Schemes answer it
 * in their own words (such as {@code Several Authorization headers}); a verifier that reads a header itself may let it
 * pass.
 */
public class RepeatedValueException extends PadlockException {

    /** The repeated header or cookie's name, never its values. */
    private final String name;

    /**
     * @param name the header or cookie name (never its values)
     */
    public RepeatedValueException(String name) {
        super(HttpStatus.BAD_REQUEST, "Several values for " + name, List.of(), SecurityOutcome.AMBIGUOUS);
        getBody().setProperty(BearerTokenErrors.ERROR_PROPERTY, "invalid_request");
        this.name = name;
    }

    /**
     * @return the header or cookie name
     */
    public String name() {
        return this.name;
    }
}
