package io.github.padlock.oauth2;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.padlock.HostileInput;
import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password form's front door, {@link PasswordRequestFormArgumentResolver} over {@link PasswordRequestFormReader},
 * under {@link HostileInput#tries()} (at least 10,000) generated requests: arbitrary bodies (bytes, text in several
 * charsets, percent-encoding valid and broken, repeated fields), content types (valid, odd casing, bogus charsets,
 * garbage, none) and query strings. The body is parsed into parameters as a servlet container would (query values
 * first, then the body's; an unparseable body gives none).
 * <ol>
 * <li>Nothing escapes but a 400 {@code invalid_request} listing fields, or the 415.</li>
 * <li>The user's exact name and password come out only when they were in the body, and always then; credentials in
 * the query string alone are never read (RFC 6749 §4.3.2: the form is the body).</li>
 * <li>No refusal carries the password or any submitted value.</li>
 * </ol>
 * The {@code {noop}} user store keeps 10,000 checks cheap; see {@code SchemeReaderPropertyTests}.
 */
class PasswordRequestFormPropertyTests {

    private static final String PASSWORD = "s3cr3t Pässwörd€&=+%7Q";

    private static final Pattern DETAIL = Pattern.compile("Invalid request: "
            + "(grant_type|username|password|scope|client_id|client_secret): "
            + "(Field required|String should match pattern '\\^password\\$'|Field must not be sent more than once)"
            + "(; (grant_type|username|password|scope|client_id|client_secret): (Field required|String should match "
            + "pattern '\\^password\\$'|Field must not be sent more than once))*");

    private static final String UNSUPPORTED = "The form must be sent as "
            + "application/x-www-form-urlencoded or multipart/form-data";

    /** What a refusal may say: a submitted value found in it proves nothing. */
    private static final String VOCABULARY = "Invalid request: grant_type username password scope client_id "
            + "client_secret Field required String should match pattern '^password$' Field must not be sent more than "
            + "once " + UNSUPPORTED + " invalid_request Bad Request Unsupported Media Type";

    private static final FormHttpMessageConverter FORM_CONVERTER = new FormHttpMessageConverter();

    private final PasswordRequestFormArgumentResolver resolver = new PasswordRequestFormArgumentResolver();

    @SuppressWarnings("deprecation")
    private final UserAuthenticator users = new UserAuthenticator(new InMemoryUserStore(List.of(
            new StoredUser("stanley", "{noop}" + PASSWORD, List.of(), false))),
            new DelegatingPasswordEncoder("noop", Map.of("noop", NoOpPasswordEncoder.getInstance())));

    @Test
    void readWhenHostileBodiesThenOnlyBodyCredentialsAndOnlyInvalidRequestOrUnsupportedMediaType() throws Exception {
        MethodParameter lax = new MethodParameter(Endpoints.class.getDeclaredMethod("lax",
                OAuth2PasswordRequestForm.class), 0);
        MethodParameter strict = new MethodParameter(Endpoints.class.getDeclaredMethod("strict",
                OAuth2PasswordRequestFormStrict.class), 0);
        HostileInput.Outcomes outcomes = HostileInput.check("PasswordRequestForm", (attempt) -> {
            FormRequest form = formRequest(attempt.input());
            attempt.describe(form.describe());
            MockHttpServletRequest request = form.request();
            Object laxForm = read(attempt, "lax", lax, form, request);
            if (laxForm instanceof OAuth2PasswordRequestForm read) {
                boolean exact = "stanley".equals(read.username()) && PASSWORD.equals(read.password());
                assertThat(exact).as("the exact credentials only from the body").isEqualTo(form.exactInBody());
                assertThat(this.users.check(read.username(), read.password()) != null).isEqualTo(exact);
                attempt.count(exact ? "lax exact" : "lax other");
            }
            else {
                assertThat(form.exactInBody()).as("the exact credentials in a well-formed body are read").isFalse();
            }
            Object strictForm = read(attempt, "strict", strict, form, request);
            if (strictForm instanceof OAuth2PasswordRequestFormStrict read) {
                assertThat(read.grantType()).isEqualTo("password");
                assertThat("stanley".equals(read.username()) && PASSWORD.equals(read.password()))
                    .isEqualTo(form.exactInBody());
            }
        });
        assertThat(outcomes.get("lax exact")).isPositive();
        assertThat(outcomes.get("lax 400")).isPositive();
        assertThat(outcomes.get("lax 415")).isPositive();
    }

    private @Nullable Object read(HostileInput.Try attempt, String label, MethodParameter parameter,
            FormRequest form, MockHttpServletRequest request) {
        try {
            Object value = this.resolver.resolveArgument(parameter, null, new ServletWebRequest(request), null);
            attempt.count(label + " read");
            return value;
        }
        catch (Throwable ex) {
            if (!(ex instanceof ErrorResponse error) || !ex.getClass().getName().startsWith("io.github.padlock.")) {
                throw new AssertionError("not one of Padlock's ErrorResponses: " + ex, ex);
            }
            int status = error.getStatusCode().value();
            attempt.count(label + " " + status);
            String detail = error.getBody().getDetail();
            if (status == 415) {
                assertThat(detail).isEqualTo(UNSUPPORTED);
            }
            else {
                assertThat(status).isEqualTo(400);
                assertThat(detail).matches(DETAIL);
                assertThat(ex).isInstanceOf(InvalidPasswordRequestFormException.class);
                assertThat(error.getBody().getProperties()).containsEntry("error", "invalid_request");
            }
            assertThat(error.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
            String everything = ex.getMessage() + "|" + error.getBody() + "|" + error.getHeaders();
            assertThat(everything).doesNotContain(PASSWORD).doesNotContain("s3cr3t");
            for (String value : form.submitted()) {
                if (value.length() >= 8 && !VOCABULARY.contains(value)) {
                    assertThat(everything).doesNotContain(value);
                }
            }
            return null;
        }
    }

    private static FormRequest formRequest(HostileInput in) {
        String contentType = contentType(in);
        List<String[]> fields = new ArrayList<>();
        boolean exact = false;
        int kind = in.nextInt(100);
        if (kind < 25) {
            fields.add(new String[] { "username", "stanley" });
            fields.add(new String[] { "password", PASSWORD });
            if (in.chance(60)) {
                fields.add(new String[] { "grant_type", "password" });
            }
            if (in.chance(40)) {
                fields.add(new String[] { "scope", in.oneOf(List.of("items:read", " items:read  admin ", "")) });
            }
            if (in.chance(20)) {
                fields.add(new String[] { "client_id", in.text(in.nextInt(20)) });
            }
            Collections.shuffle(fields, new java.util.Random(in.nextInt(1 << 30)));
            exact = true;
        }
        else if (kind < 60) {
            fields.add(new String[] { in.oneOf(List.of("username", "username", "Username", "user", "username ")),
                    in.chance(70) ? in.oneOf(List.of("stanley", in.nearMiss("stanley"))) : in.text() });
            fields.add(new String[] { in.oneOf(List.of("password", "password", "Password", "pass")),
                    in.chance(70) ? in.nearMiss(PASSWORD) : in.text() });
            if (in.chance(40)) {
                fields.add(new String[] { in.oneOf(List.of("grant_type", "grant_type", "GRANT_TYPE")),
                        in.oneOf(List.of("password", "Password", "client_credentials", "", in.text())) });
            }
            if (in.chance(20)) {
                fields.add(new String[] { in.oneOf(List.of("username", "password", "grant_type", "scope")),
                        in.text() });
            }
        }
        String body;
        Charset charset = charsetOf(contentType);
        if (kind < 85) {
            StringBuilder encoded = new StringBuilder();
            for (String[] field : fields) {
                if (!encoded.isEmpty()) {
                    encoded.append('&');
                }
                encoded.append(URLEncoder.encode(field[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field[1], (charset != null) ? charset : StandardCharsets.UTF_8));
            }
            body = encoded.toString();
            // Not into a near miss that starts with the password: an inserted & could cut it back to the password.
            if (!exact && in.chance(30) && fields.stream().noneMatch((field) -> field[1].startsWith(PASSWORD))) {
                body = in.insert(body, in.oneOf(List.of("%", "%Z", "%ZZ", "&", "=", "&&=", "%00", "%C3", "+", "%FF")));
            }
        }
        else {
            body = in.text();
        }
        byte[] bytes = (kind >= 95) ? in.bytes(in.length())
                : body.getBytes((charset != null && charset.canEncode()) ? charset : StandardCharsets.UTF_8);
        String query = null;
        if (in.chance(30)) {
            query = in.oneOf(List.of("username=stanley&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                    "password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "grant_type=password",
                    "username=%ZZ", in.text(in.nextInt(30))));
        }
        // the exact credentials count only when the container can read the body as they were sent
        // (a query value the container cannot decode is dropped by it but still counted by the reader: a 400, noted)
        boolean readable = exact && isForm(contentType) && (charset == null || (charset.canEncode()
                && charset.newEncoder().canEncode(PASSWORD)))
                && !"username=%ZZ".equals(query);
        return new FormRequest(contentType, bytes, query, readable, fields);
    }

    private static @Nullable String contentType(HostileInput in) {
        int kind = in.nextInt(100);
        if (kind < 70) {
            String type = in.chance(70) ? "application/x-www-form-urlencoded"
                    : in.randomCase("application/x-www-form-urlencoded");
            return type + in.oneOf(List.of("", "", ";charset=UTF-8", "; charset=utf-8", "; Charset=\"UTF-8\"",
                    "; charset=ISO-8859-1", "; charset=UTF-16", "; charset=x-no-such-charset", "; charset=",
                    "; charset=\u0000", "; q=0.5", ";", "; a=\"unterminated"));
        }
        if (kind < 78) {
            return in.oneOf(List.of("multipart/form-data", "multipart/form-data; boundary=xyz",
                    "multipart/form-data; boundary=", "MULTIPART/FORM-DATA; boundary=\"a b\""));
        }
        if (kind < 90) {
            return in.oneOf(List.of("application/json", "text/plain", "*/*", "application/*",
                    "application/x-www-form-urlencodedx", "application/x-www-form-urlencoded/x",
                    "x-www-form-urlencoded", "application/xml", "", " ", "\u0000", ";", "/", "a/b/c",
                    "application/x-www-form-urlencoded\u0000"));
        }
        return in.chance(20) ? null : in.text(in.nextInt(60));
    }

    private static @Nullable Charset charsetOf(@Nullable String contentType) {
        try {
            return (contentType != null) ? MediaType.parseMediaType(contentType).getCharset() : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean isForm(@Nullable String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(
                    MediaType.parseMediaType(contentType));
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    /** The query's parameters, then the body's, as a container presents them; what it cannot parse, it drops. */
    private static MockHttpServletRequest request(@Nullable String contentType, byte[] body, @Nullable String query) {
        // The raw value, as a container hands it on: MockHttpServletRequest.setContentType would parse it, and
        // Spring's parser throws on some hostile values before the reader under test sees them.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token") {

            @Override
            public @Nullable String getContentType() {
                return contentType;
            }
        };
        request.setContent(body);
        if (query != null) {
            request.setQueryString(query);
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                try {
                    request.addParameter(URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals),
                            StandardCharsets.UTF_8), (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1),
                                    StandardCharsets.UTF_8));
                }
                catch (IllegalArgumentException ex) {
                    // dropped, as Tomcat drops a parameter it cannot decode
                }
            }
        }
        if (isForm(contentType)) {
            try {
                MockHttpInputMessage message = new MockHttpInputMessage(body);
                message.getHeaders().setContentType(MediaType.parseMediaType(contentType));
                MultiValueMap<String, String> form = FORM_CONVERTER.read(null, message);
                form.forEach((name, values) -> values.forEach((value) -> request.addParameter(name, value)));
            }
            catch (Exception ex) {
                // a body the container cannot parse gives no parameters
            }
        }
        return request;
    }

    /**
     * A generated token request.
     */
    private record FormRequest(@Nullable String contentType, byte[] body, @Nullable String query, boolean exactInBody,
            List<String[]> fields) {

        MockHttpServletRequest request() {
            return PasswordRequestFormPropertyTests.request(this.contentType, this.body, this.query);
        }

        List<String> submitted() {
            return this.fields.stream().map((field) -> field[1]).toList();
        }

        String describe() {
            return "Content-Type: " + this.contentType + ", query: " + this.query + ", body: "
                    + new String(this.body, StandardCharsets.ISO_8859_1);
        }
    }

    /** Methods whose parameters the resolver reads. */
    @SuppressWarnings("unused")
    private static final class Endpoints {

        void lax(OAuth2PasswordRequestForm form) {
        }

        void strict(OAuth2PasswordRequestFormStrict form) {
        }
    }
}
