package io.github.padlock.bench.jmh;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A request whose header and attribute calls cost about what a servlet container's do, so that the benchmarks'
 * bytes per operation are Padlock's and not the test mock's: {@code getHeaders(name)} allocates one enumeration that
 * scans the headers comparing names case-insensitively (as Tomcat's {@code MimeHeaders} values enumerator does), and
 * the attributes live in a {@code ConcurrentHashMap}. {@link MockHttpServletRequest} allocates about 336 bytes on
 * every {@code getHeaders} instead (run the benchmarks with {@code -p request=mock} to see it). Everything else is
 * delegated to a {@link MockHttpServletRequest}.
 */
final class LeanRequest extends HttpServletRequestWrapper {

    private final String[] names;

    private final String[] values;

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    /**
     * @param headers the request's headers, name then value, each name once
     */
    LeanRequest(String... headers) {
        super(new MockHttpServletRequest("GET", "/bench"));
        this.names = new String[headers.length / 2];
        this.values = new String[headers.length / 2];
        for (int i = 0; i < this.names.length; i++) {
            this.names[i] = headers[2 * i];
            this.values[i] = headers[2 * i + 1];
        }
    }

    /**
     * @param kind {@code lean} or {@code mock}
     * @param headers the request's headers, name then value
     * @return such a request
     */
    static HttpServletRequest of(String kind, String... headers) {
        if ("lean".equals(kind)) {
            return new LeanRequest(headers);
        }
        if ("mock".equals(kind)) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/bench");
            for (int i = 0; i < headers.length; i += 2) {
                request.addHeader(headers[i], headers[i + 1]);
            }
            return request;
        }
        throw new IllegalArgumentException("request must be lean or mock, not " + kind);
    }

    @Override
    public @Nullable String getHeader(String name) {
        for (int i = 0; i < this.names.length; i++) {
            if (this.names[i].equalsIgnoreCase(name)) {
                return this.values[i];
            }
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return new Values(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(List.of(this.names));
    }

    @Override
    public @Nullable Object getAttribute(String name) {
        return this.attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(this.attributes.keySet());
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
        if (value == null) {
            this.attributes.remove(name);
        }
        else {
            this.attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        this.attributes.remove(name);
    }

    /** The values of one header, found by scanning: Tomcat's {@code MimeHeaders.ValuesEnumerator}. */
    private final class Values implements Enumeration<String> {

        private final String name;

        private int next;

        Values(String name) {
            this.name = name;
            this.next = find(0);
        }

        private int find(int from) {
            for (int i = from; i < LeanRequest.this.names.length; i++) {
                if (LeanRequest.this.names[i].equalsIgnoreCase(this.name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean hasMoreElements() {
            return this.next >= 0;
        }

        @Override
        public String nextElement() {
            if (this.next < 0) {
                throw new NoSuchElementException();
            }
            String value = LeanRequest.this.values[this.next];
            this.next = find(this.next + 1);
            return value;
        }
    }
}
