package io.github.padlock;

import org.jspecify.annotations.Nullable;

/**
 * What schemes and verifiers read of a request, read-only: headers, cookies, the query string and the client's
 * address. Padlock hands it to {@link SecurityDependency#resolve(SecurityResolution)} through
 * {@link SecurityResolution#request()}; it adapts the Servlet request (and could adapt another), so that the schemes
 * are tested without servlet mocks and the model knows no web framework.
 * <p>
 * Credentials must not be ambiguous: {@link #header(String)} and {@link #cookie(String)} refuse a value sent more than
 * once (RFC 9110 §5.3 does not allow such headers to be combined).
 */
public interface SecurityRequest {

    /**
     * @param name a header name, compared case-insensitively
     * @return the header's value, or {@code null} when it is absent
     * @throws RepeatedValueException when the request carries the header more than once
     */
    @Nullable String header(String name);

    /**
     * @param name a cookie name, compared exactly
     * @return the cookie's value, or {@code null} when it is absent
     * @throws RepeatedValueException when the request carries the cookie more than once
     */
    @Nullable String cookie(String name);

    /**
     * @return the raw query string, undecoded, without the {@code ?}; {@code null} when there is none
     */
    @Nullable String queryString();

    /**
     * @return the client's address as the server sees it (the peer, or the address a trusted proxy forwarded)
     */
    String remoteAddress();

    /**
     * @param type the type of the request Padlock adapts, such as {@code jakarta.servlet.http.HttpServletRequest}
     * @param <T> that type
     * @return the underlying request, or {@code null} when it is of another type
     */
    <T> @Nullable T unwrap(Class<T> type);
}
