package io.github.padlock.scheme;

import io.github.padlock.PadlockException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests and the one assertion every scheme test needs: FastAPI's 401 with the scheme's challenge.
 */
final class SchemeAssertions {

    private SchemeAssertions() {
    }

    static void assertNotAuthenticated(SecurityScheme<?> scheme, MockHttpServletRequest request, String challenge) {
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> scheme.resolve(request));
        assertThat(ex).as("a PadlockException").isNotNull();
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ex.getBody().getDetail()).isEqualTo("Not authenticated");
        assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(challenge);
    }

    static MockHttpServletRequest authorization(String... values) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/users/me");
        for (String value : values) {
            request.addHeader(HttpHeaders.AUTHORIZATION, value);
        }
        return request;
    }
}
