package io.github.padlock.web;

import io.github.padlock.RepeatedValueException;
import io.github.padlock.scheme.ApiKeyQuery;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Servlet adapter of the request view: one value or none, a repeated one refused, never a form body read.
 */
class ServletSecurityRequestTests {

    @Test
    void headerWhenOnceThenValueCaseInsensitiveName() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-API-KEY", "k");
        assertThat(new ServletSecurityRequest(request).header("x-api-key")).isEqualTo("k");
        assertThat(new ServletSecurityRequest(request).header("X-Other")).isNull();
    }

    @Test
    void headerWhenTwiceThenRepeatedValueNamingTheHeaderNotTheValues() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Basic a");
        request.addHeader("Authorization", "Basic b");
        assertThatExceptionOfType(RepeatedValueException.class)
            .isThrownBy(() -> new ServletSecurityRequest(request).header("Authorization"))
            .satisfies((ex) -> assertThat(ex.name()).isEqualTo("Authorization"))
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Basic a"));
    }

    @Test
    void cookieWhenOnceThenValueAndWhenTwiceThenRepeated() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("sid", "1"), new Cookie("key", "k"));
        assertThat(new ServletSecurityRequest(request).cookie("key")).isEqualTo("k");
        assertThat(new ServletSecurityRequest(request).cookie("KEY")).isNull();
        request.setCookies(new Cookie("key", "k"), new Cookie("key", "j"));
        assertThatExceptionOfType(RepeatedValueException.class)
            .isThrownBy(() -> new ServletSecurityRequest(request).cookie("key"));
    }

    @Test
    void queryStringWhenFormBodyThenNeverReadAsAQueryParameter() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/items");
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter("key", "from-body");
        ServletSecurityRequest view = new ServletSecurityRequest(request);
        assertThat(view.queryString()).isNull();
        assertThat(ApiKeyQuery.builder().name("key").autoError(false).build().resolve(view)).isNull();
    }

    @Test
    void unwrapWhenServletTypeThenTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        ServletSecurityRequest view = new ServletSecurityRequest(request);
        assertThat(view.unwrap(HttpServletRequest.class)).isSameAs(request);
        assertThat(view.unwrap(String.class)).isNull();
        assertThat(view.remoteAddress()).isEqualTo("192.0.2.7");
    }
}
