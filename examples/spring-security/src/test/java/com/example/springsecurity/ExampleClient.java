package com.example.springsecurity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the example on its port: HTTP/1.1, redirects not followed, and cookies kept, so that a form login's
 * session goes with the requests after it.
 */
final class ExampleClient {

    /** The JWT secret the tests give the example ({@code EXAMPLE_JWT_SECRET}). */
    static final String JWT_SECRET = "R4nd0m-Exampl3-Secret/Qz8Vw2Lp6Tx9Mk3Hj5Ng7Bd1Cf0S";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final int port;

    private final HttpClient http;

    ExampleClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return send(request(path, headers).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Spring Security's form login as a browser does it: the form (and its CSRF token), then the post. */
    HttpResponse<String> formLogin(String username, String password) throws Exception {
        HttpResponse<String> form = get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String[] basic(String username, String password) {
        return new String[] { "Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) };
    }

    /** A bearer JWT the example's {@code tokenUser} accepts, signed with its key. */
    static String[] bearer(ApplicationContext context, String subject, String... scopes) {
        String token = new JwtIssuer(context.getBean(JwtSettings.class))
            .issue(subject, List.of(scopes), Duration.ofMinutes(5))
            .value();
        return new String[] { "Authorization", "Bearer " + token };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
