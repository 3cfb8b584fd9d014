package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import io.github.padlock.PadlockException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests and the one assertion every scheme test needs: FastAPI's 401 with the scheme's challenge.
 */
final class SchemeAssertions {

    private SchemeAssertions() {
    }

    static void assertNotAuthenticated(SecurityScheme<?> scheme, TestRequest request, String challenge) {
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> scheme.resolve(request));
        assertThat(ex).as("a PadlockException").isNotNull();
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ex.getBody().getDetail()).isEqualTo("Not authenticated");
        assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(challenge);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        int space = (authorization != null) ? authorization.indexOf(' ') : -1;
        // Short values ("a") occur in any message; longer ones must not.
        if (space >= 0 && authorization.substring(space).strip().length() >= 4) {
            assertThat(ex.getMessage()).as("the refusal never echoes the credentials")
                .doesNotContain(authorization.substring(space + 1).strip());
        }
    }

    /**
     * 400 {@code invalid_request} with {@code detail}, the bearer challenge {@code Bearer error="invalid_request"}
     * when {@code challenge} is given, else no {@code WWW-Authenticate}; never a submitted secret in the message.
     */
    static void assertInvalidRequest(SecurityScheme<?> scheme, TestRequest request, String detail,
            @Nullable String challenge, String... secrets) {
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> scheme.resolve(request));
        assertThat(ex).as("a PadlockException").isNotNull();
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ex.getBody().getDetail()).isEqualTo(detail);
        assertThat(ex.getBody().getProperties()).containsEntry("error", "invalid_request");
        if (challenge != null) {
            assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(challenge);
        }
        else {
            assertThat(ex.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        }
        for (String secret : secrets) {
            assertThat(ex.getMessage()).doesNotContain(secret);
            assertThat(ex.getBody().toString()).doesNotContain(secret);
        }
    }

    static TestRequest authorization(String... values) {
        TestRequest request = new TestRequest();
        for (String value : values) {
            request.addHeader(HttpHeaders.AUTHORIZATION, value);
        }
        return request;
    }
}
