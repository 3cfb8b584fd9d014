package io.github.padlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A {@link SecurityRequest} built in memory, for testing schemes and verifiers without servlet mocks: headers (names
 * case-insensitive), cookies, a raw query string and a remote address.
 */
public final class TestRequest implements SecurityRequest {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private final Map<String, List<String>> cookies = new LinkedHashMap<>();

    private @Nullable String queryString;

    private String remoteAddress = "127.0.0.1";

    /**
     * @param name a header name
     * @param value a value, added after any earlier ones
     * @return this request
     */
    public TestRequest addHeader(String name, String value) {
        this.headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * @param name a cookie name
     * @param value a value, added after any earlier ones
     * @return this request
     */
    public TestRequest addCookie(String name, String value) {
        this.cookies.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * @param queryString the raw query string, or {@code null}
     * @return this request
     */
    public TestRequest setQueryString(@Nullable String queryString) {
        this.queryString = queryString;
        return this;
    }

    /**
     * @param remoteAddress the client's address
     * @return this request
     */
    public TestRequest setRemoteAddr(String remoteAddress) {
        this.remoteAddress = remoteAddress;
        return this;
    }

    /**
     * @param name a header name
     * @return its first value, or {@code null}
     */
    public @Nullable String getHeader(String name) {
        List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
        return (values != null) ? values.get(0) : null;
    }

    @Override
    public @Nullable String header(String name) {
        return single(this.headers.get(name.toLowerCase(Locale.ROOT)), name);
    }

    @Override
    public @Nullable String cookie(String name) {
        return single(this.cookies.get(name), name);
    }

    private static @Nullable String single(@Nullable List<String> values, String name) {
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new RepeatedValueException(name);
        }
        return values.get(0);
    }

    @Override
    public @Nullable String queryString() {
        return this.queryString;
    }

    @Override
    public String remoteAddress() {
        return this.remoteAddress;
    }

    @Override
    public <T> @Nullable T unwrap(Class<T> type) {
        return null;
    }
}
