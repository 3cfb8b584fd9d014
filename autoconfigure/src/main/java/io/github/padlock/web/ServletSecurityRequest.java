package io.github.padlock.web;

import java.util.Enumeration;

import io.github.padlock.RepeatedValueException;
import io.github.padlock.SecurityRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A Servlet request as Padlock's schemes and verifiers read it: the one adapter between the Servlet API and the
 * {@link SecurityRequest} view, allocated once per request and reading the underlying request on demand.
 */
public final class ServletSecurityRequest implements SecurityRequest {

    private final HttpServletRequest request;

    /**
     * @param request the request to read
     */
    public ServletSecurityRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public @Nullable String header(String name) {
        Enumeration<String> values = this.request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String value = values.nextElement();
        if (values.hasMoreElements()) {
            throw new RepeatedValueException(name);
        }
        return value;
    }

    @Override
    public @Nullable String cookie(String name) {
        Cookie[] cookies = this.request.getCookies();
        if (cookies == null) {
            return null;
        }
        String value = null;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                if (value != null) {
                    throw new RepeatedValueException(name);
                }
                value = cookie.getValue();
            }
        }
        return value;
    }

    @Override
    public @Nullable String queryString() {
        return this.request.getQueryString();
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(this.request.getRemoteAddr());
    }

    @Override
    public <T> @Nullable T unwrap(Class<T> type) {
        return type.isInstance(this.request) ? type.cast(this.request) : null;
    }
}
