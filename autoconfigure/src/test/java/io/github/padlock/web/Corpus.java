package io.github.padlock.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-request table: one {@link Row} per raw request, with what must come back, and the checks every row
 * gets — no 5xx, no 2xx unless the row carries the right credential, every 401 with its scheme's
 * {@code WWW-Authenticate}, no submitted secret echoed in the headers or body.
 */
final class Corpus {

    /** Detail of a refusal for a missing credential (every scheme). */
    static final String NOT_AUTHENTICATED = "Not authenticated";

    private Corpus() {
    }

    /** The endpoints of {@link HostileTestApplication}, each with its two challenges and the verifier's detail. */
    enum Endpoint {

        BASIC("/basic", "Basic realm=\"hostile\"", "Basic realm=\"hostile\"", "Incorrect username or password"),
        BEARER("/bearer", "Bearer", HostileTestApplication.BEARER_INVALID, "Invalid token"),
        DIGEST("/digest", "Digest", "Digest", "Invalid credentials"),
        HEADER_KEY("/key/header", "APIKey", "APIKey", "Invalid API key"),
        QUERY_KEY("/key/query", "APIKey", "APIKey", "Invalid API key"),
        COOKIE_KEY("/key/cookie", "APIKey", "APIKey", "Invalid API key"),
        OAUTH2("/oauth2", "Bearer", HostileTestApplication.JWT_INVALID, "Invalid token"),
        OIDC("/oidc", "Bearer", HostileTestApplication.JWT_INVALID, "Invalid token"),
        /** The password token endpoint: never 401, RFC 6749 §5.2 errors are 400. */
        TOKEN("/token", "", "", "");

        final String path;

        final String missingChallenge;

        final String invalidChallenge;

        final String invalidDetail;

        Endpoint(String path, String missingChallenge, String invalidChallenge, String invalidDetail) {
            this.path = path;
            this.missingChallenge = missingChallenge;
            this.invalidChallenge = invalidChallenge;
            this.invalidDetail = invalidDetail;
        }
    }

    enum Kind {
        /** 200 and the principal's name. */
        OK,
        /** 401 Not authenticated with the scheme's own challenge. */
        MISSING,
        /** 401 with the verifier's detail and challenge. */
        INVALID,
        /** 401, either challenge of the endpoint. */
        UNAUTHORIZED,
        /** Any 4xx (such as Tomcat's own 400 for a malformed request, or 404 for a path that is not the endpoint). */
        REFUSED,
        /** Any 4xx, or the connection closed without an answer. */
        REFUSED_OR_CLOSED,
        /** Exactly this status (and this {@code error} member when given). */
        STATUS,
        /** Contract items 1-3: 400 invalid_request, with this detail and this challenge (or none). */
        INVALID_REQUEST
    }

    /**
     * @param kind what must come back
     * @param name OK: the principal; STATUS: the {@code error} member, or null; INVALID_REQUEST: the detail
     * @param status STATUS: the status
     * @param challenge INVALID_REQUEST: the {@code WWW-Authenticate} value, or null for none
     */
    record Expect(Kind kind, @Nullable String name, int status, @Nullable String challenge) {

        @Override
        public String toString() {
            return switch (this.kind) {
                case OK -> "200 " + this.name;
                case STATUS -> this.status + ((this.name != null) ? " " + this.name : "");
                case INVALID_REQUEST -> "400 " + this.name;
                default -> this.kind.name();
            };
        }
    }

    static Expect ok(String name) {
        return new Expect(Kind.OK, name, 200, null);
    }

    static Expect missing() {
        return new Expect(Kind.MISSING, null, 401, null);
    }

    static Expect invalid() {
        return new Expect(Kind.INVALID, null, 401, null);
    }

    static Expect unauthorized() {
        return new Expect(Kind.UNAUTHORIZED, null, 401, null);
    }

    static Expect refused() {
        return new Expect(Kind.REFUSED, null, 0, null);
    }

    static Expect refusedOrClosed() {
        return new Expect(Kind.REFUSED_OR_CLOSED, null, 0, null);
    }

    static Expect status(int status, @Nullable String error) {
        return new Expect(Kind.STATUS, error, status, null);
    }

    static Expect invalidRequest(String detail, @Nullable String challenge) {
        return new Expect(Kind.INVALID_REQUEST, detail, 400, challenge);
    }

    /**
     * One hostile request.
     * @param name what it tries
     * @param endpoint the endpoint it aims at (for the challenges)
     * @param requestLine such as {@code GET /basic HTTP/1.1}
     * @param headers raw header lines (byte strings) besides {@code Host} and {@code Connection}
     * @param body the body (byte string), usually empty
     * @param expect what must come back
     * @param secrets what it submits that must not come back (only those of 6 characters or more are looked for)
     */
    record Row(String name, Endpoint endpoint, String requestLine, List<String> headers, String body, Expect expect,
            List<String> secrets) {

        /**
         * The given secrets, and what looks like one in the request: every header value (but the content type) of
         * 12 bytes or more, its part after the first space, every query and form parameter value of 10 or more.
         */
        List<String> allSecrets() {
            List<String> all = new ArrayList<>(this.secrets);
            for (String header : this.headers) {
                int colon = header.indexOf(':');
                if (colon < 0 || header.regionMatches(true, 0, "Content-", 0, 8)) {
                    continue;
                }
                String value = header.substring(colon + 1).strip();
                all.add(value);
                int space = value.indexOf(' ');
                if (space > 0) {
                    all.add(value.substring(space + 1).strip());
                }
            }
            all.removeIf((secret) -> secret.length() < 12);
            int query = this.requestLine.indexOf('?');
            String target = (query >= 0) ? this.requestLine.substring(query + 1,
                    this.requestLine.lastIndexOf(' ')) : "";
            for (String pair : (target + "&" + this.body).split("&")) {
                int equals = pair.indexOf('=');
                if (equals >= 0 && pair.length() - equals - 1 >= 10) {
                    all.add(pair.substring(equals + 1));
                }
            }
            return all;
        }

        String request(int port) {
            StringBuilder request = new StringBuilder(this.requestLine).append("\r\n");
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
            for (String header : this.headers) {
                request.append(header).append("\r\n");
            }
            if (!this.body.isEmpty()) {
                request.append("Content-Length: ").append(this.body.length()).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n").append(this.body);
            return request.toString();
        }

        @Override
        public String toString() {
            return this.name;
        }
    }

    /** Collects rows; the last row added can be given secrets. */
    static final class Table {

        private final List<Row> rows = new ArrayList<>();

        Table get(String name, Endpoint endpoint, Expect expect, String... headers) {
            return target(name, endpoint, endpoint.path, expect, headers);
        }

        Table target(String name, Endpoint endpoint, String target, Expect expect, String... headers) {
            return line(name, endpoint, "GET " + target + " HTTP/1.1", expect, headers);
        }

        Table line(String name, Endpoint endpoint, String requestLine, Expect expect, String... headers) {
            this.rows.add(new Row(name, endpoint, requestLine, List.of(headers), "", expect, List.of()));
            return this;
        }

        Table post(String name, Endpoint endpoint, String contentType, String body, Expect expect) {
            this.rows.add(new Row(name, endpoint, "POST " + endpoint.path + " HTTP/1.1",
                    List.of("Content-Type: " + contentType), body, expect, List.of()));
            return this;
        }

        /** The body of the last row (its {@code Content-Length} is added). */
        Table body(String body) {
            Row last = this.rows.remove(this.rows.size() - 1);
            this.rows.add(new Row(last.name(), last.endpoint(), last.requestLine(), last.headers(), body,
                    last.expect(), last.secrets()));
            return this;
        }

        /** The secrets of the last row; UTF-8 text is turned into its byte string. */
        Table secrets(String... secrets) {
            Row last = this.rows.remove(this.rows.size() - 1);
            List<String> all = new ArrayList<>(last.secrets());
            Arrays.stream(secrets).map(Corpus::bytes).forEach(all::add);
            this.rows.add(new Row(last.name(), last.endpoint(), last.requestLine(), last.headers(), last.body(),
                    last.expect(), List.copyOf(all)));
            return this;
        }

        List<Row> rows() {
            List<String> names = this.rows.stream().map(Row::name).toList();
            assertThat(names).as("row names").doesNotHaveDuplicates();
            return List.copyOf(this.rows);
        }
    }

    /** UTF-8 text as a byte string (one char per byte). */
    static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** {@code Basic <base64(user:password)>} of UTF-8 text, as a byte string. */
    static String basic(String scheme, String userPass) {
        return scheme + " " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    /** Statuses seen, per group, for the summary line. */
    static final class Histogram {

        private final Map<Integer, Integer> counts = new ConcurrentHashMap<>();

        private final Map<String, String> outcomes = new ConcurrentSkipListMap<>();

        void add(Row row, RawHttp.Response response) {
            this.counts.merge(response.status(), 1, Integer::sum);
            String detail = "";
            if (response.body().startsWith("{")) {
                try {
                    Object value = JsonPath.read(response.body(), "$.detail");
                    detail = String.valueOf(value);
                }
                catch (RuntimeException ex) {
                    // no detail member
                }
            }
            this.outcomes.put(row.name(), row.expect() + "\t" + response.status() + "\t"
                    + String.join(" | ", response.headers("www-authenticate")) + "\t" + detail);
        }

        /** One line per row: name, expectation, status, challenge, detail; for the report. */
        void write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("row\texpected\tstatus\tWWW-Authenticate\tdetail");
            this.outcomes.forEach((name, outcome) -> lines.add(name + "\t" + outcome));
            Files.write(file, lines, StandardCharsets.UTF_8);
        }

        String summary(String group) {
            Map<Integer, Integer> sorted = new TreeMap<>(this.counts);
            int rows = sorted.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder(group).append(": ").append(rows).append(" rows; statuses");
            sorted.forEach((status, count) -> line.append(' ')
                .append(status == 0 ? "closed" : String.valueOf(status)).append('=').append(count));
            return line.toString();
        }
    }

    /**
     * Sends the row and checks everything every row must satisfy, then what the row itself expects; the outcome is
     * kept for {@link Histogram#write}.
     */
    static void check(Row row, int port, Histogram histogram) throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, row.request(port));
        histogram.add(row, response);
        try {
            check(row, response);
        }
        catch (AssertionError ex) {
            throw new AssertionError(row.name() + ": " + ex.getMessage(), ex);
        }
    }

    private static void check(Row row, RawHttp.Response response) {
        Expect expect = row.expect();
        String seen = response.status() + " " + response.headers("www-authenticate") + " "
                + abbreviate(response.body());
        int status = response.status();
        // Every row: never 5xx, never a 2xx without the right credential, no answer only where allowed.
        assertThat(status).as("5xx: %s", seen).isLessThan(500);
        if (status == 0) {
            assertThat(expect.kind()).as("closed without an answer").isEqualTo(Kind.REFUSED_OR_CLOSED);
        }
        if (status >= 200 && status < 300) {
            boolean rightCredential = expect.kind() == Kind.OK
                    || (expect.kind() == Kind.STATUS && expect.status() >= 200 && expect.status() < 300);
            assertThat(rightCredential).as("accepted without the right credential: %s", seen).isTrue();
        }
        if (status == 401) {
            Endpoint endpoint = row.endpoint();
            assertThat(response.headers("www-authenticate")).as("401 challenge: %s", seen)
                .singleElement()
                .isIn(endpoint.missingChallenge, endpoint.invalidChallenge);
            assertThat(response.header("content-type")).as("401 content type").startsWith("application/problem+json");
        }
        for (String secret : row.allSecrets()) {
            if (secret.length() >= 6) {
                assertThat(response.raw()).as("the response echoes a submitted secret").doesNotContain(secret);
            }
        }
        // This row.
        switch (expect.kind()) {
            case OK -> {
                assertThat(status).as(seen).isEqualTo(200);
                assertThat((String) JsonPath.read(response.body(), "$.name")).isEqualTo(expect.name());
            }
            case MISSING -> {
                assertThat(status).as(seen).isEqualTo(401);
                assertThat(response.header("www-authenticate")).isEqualTo(row.endpoint().missingChallenge);
                assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo(NOT_AUTHENTICATED);
            }
            case INVALID -> {
                assertThat(status).as(seen).isEqualTo(401);
                assertThat(response.header("www-authenticate")).isEqualTo(row.endpoint().invalidChallenge);
                assertThat((String) JsonPath.read(response.body(), "$.detail"))
                    .isEqualTo(row.endpoint().invalidDetail);
            }
            case UNAUTHORIZED -> assertThat(status).as(seen).isEqualTo(401);
            case REFUSED -> assertThat(status).as(seen).isBetween(400, 499);
            case REFUSED_OR_CLOSED -> assertThat(status).as(seen).matches((s) -> s == 0 || (s >= 400 && s < 500),
                    "4xx or closed");
            case STATUS -> {
                assertThat(status).as(seen).isEqualTo(expect.status());
                if (expect.name() != null) {
                    assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo(expect.name());
                }
            }
            case INVALID_REQUEST -> {
                assertThat(status).as(seen).isEqualTo(400);
                assertThat(response.header("content-type")).as(seen).startsWith("application/problem+json");
                assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo(expect.name());
                assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("invalid_request");
                if (expect.challenge() == null) {
                    assertThat(response.headers("www-authenticate")).as(seen).isEmpty();
                }
                else {
                    assertThat(response.headers("www-authenticate")).as(seen).containsExactly(expect.challenge());
                }
            }
        }
    }

    private static String abbreviate(String body) {
        return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
    }
}
