package io.github.padlock.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.ApiKeyPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate holds before any body is read, on a real Tomcat: without credentials, a multipart or form body of a
 * protected endpoint is answered {@code 401} with the challenge, unread (the application reads no byte of it, and a
 * request sent with {@code Expect: 100-continue} is answered without its body ever being sent) and with nothing written
 * to disk; malformed bodies that Spring would parse first (a 500) or refuse for size (a 413) are a 401 too. With
 * credentials, the same bodies reach the handler as before. And {@code instance} never carries a path parameter.
 */
@SpringBootTest(classes = GateBeforeBodyTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "padlock.schemes.basicAuth.type=http-basic", "padlock.schemes.basicAuth.realm=gate",
                "padlock.verifiers.basicUser.type=users", "padlock.verifiers.basicUser.scheme=basicAuth",
                "padlock.users.john.password={noop}secret", "padlock.schemes.queryKey.type=api-key-query",
                "padlock.schemes.queryKey.name=api_key", "padlock.verifiers.keyUser.type=api-keys",
                "padlock.verifiers.keyUser.scheme=queryKey",
                // sha256 of "key.s3cret"
                "padlock.api-keys.key.hash=sha256:661582935c33cd585346541988d4e40dd4decb145e46c38f8aa7f647ad358b61",
                "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.file-size-threshold=0" })
class GateBeforeBodyTests {

    private static final Path UPLOADS = temporaryDirectory();

    private static final String BASIC = "Basic " + Base64.getEncoder()
        .encodeToString("john:secret".getBytes(StandardCharsets.UTF_8));

    private static final String CHALLENGE = "WWW-Authenticate: Basic realm=\"gate\"";

    private static final AtomicLong bodyBytesRead = new AtomicLong();

    private static final AtomicInteger handlerCalls = new AtomicInteger();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void uploads(DynamicPropertyRegistry registry) {
        registry.add("spring.servlet.multipart.location", UPLOADS::toString);
    }

    @AfterAll
    static void deleteUploads() throws IOException {
        try (Stream<Path> files = Files.walk(UPLOADS)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
    }

    @BeforeEach
    void reset() {
        bodyBytesRead.set(0);
        handlerCalls.set(0);
    }

    @Test
    void multipartWhenNoCredentialsAndGarbageThenUnauthorizedNotServerError() throws IOException {
        String response = exchange(request("POST", "/upload", "multipart/form-data; boundary=XYZ", "",
                "--XYZ\r\ngarbage"));
        assertRefusedUnread(response);
    }

    @Test
    void multipartWhenNoCredentialsAndTwoMegabyteFileThenUnauthorizedNotTooLargeAndNothingOnDisk() throws IOException {
        String response = exchange(request("POST", "/upload", "multipart/form-data; boundary=XYZ", "",
                multipart("x".repeat(2 * 1024 * 1024))));
        assertRefusedUnread(response);
        try (Stream<Path> files = Files.list(UPLOADS)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void multipartWhenLargeBodyAnnouncedWithExpectContinueThenAnsweredWithoutTheBody() throws IOException {
        assertAnsweredWithoutBody("POST", "/upload", "multipart/form-data; boundary=XYZ");
    }

    @Test
    void multipartWhenCredentialsThenHandlerReadsTheFile() throws IOException {
        String response = exchange(request("POST", "/upload", "multipart/form-data; boundary=XYZ",
                "Authorization: " + BASIC + "\r\n", multipart("hello")));
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"size\":5}");
        assertThat(handlerCalls).hasValue(1);
    }

    @Test
    void multipartWhenCredentialsAndTooLargeThenSpringsAnswerAsBefore() throws IOException {
        String response = exchange(request("POST", "/upload", "multipart/form-data; boundary=XYZ",
                "Authorization: " + BASIC + "\r\n", multipart("x".repeat(2 * 1024 * 1024))));
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(handlerCalls).hasValue(0);
    }

    @Test
    void formWhenNoCredentialsAndBadPercentEncodingThenUnauthorizedNotServerError() throws IOException {
        for (String method : new String[] { "PUT", "PATCH", "DELETE" }) {
            reset();
            String response = exchange(request(method, "/form", "application/x-www-form-urlencoded", "", "a=%zz"));
            assertRefusedUnread(response);
        }
    }

    @Test
    void formWhenNoCredentialsAndHugeBodyAnnouncedThenAnsweredWithoutTheBody() throws IOException {
        assertAnsweredWithoutBody("PUT", "/form", "application/x-www-form-urlencoded");
    }

    @Test
    void formWhenCredentialsThenParametersBoundAsBefore() throws IOException {
        String response = exchange(request("PUT", "/form?b=query", "application/x-www-form-urlencoded",
                "Authorization: " + BASIC + "\r\n", "a=1&b=form"));
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"a\":\"1\",\"b\":\"query,form\"}");
    }

    @Test
    void formWhenCredentialsAndBadPercentEncodingThenBadRequest() throws IOException {
        String response = exchange(request("PUT", "/form", "application/x-www-form-urlencoded",
                "Authorization: " + BASIC + "\r\n", "a=%zz"));
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(handlerCalls).hasValue(0);
    }

    @Test
    void postFormWhenNoCredentialsAndBadPercentEncodingThenUnauthorized() throws IOException {
        String response = exchange(request("POST", "/form", "application/x-www-form-urlencoded", "", "a=%zz"));
        assertRefusedUnread(response);
    }

    @Test
    void instanceWhenKeyInPathParameterOrQueryThenLeftOut() throws IOException {
        String key = "key.wrong-but-secret-9f8e7d";
        for (String target : new String[] { "/key;api_key=" + key, "/key;api_key=" + key + "?api_key=" + key,
                "/key?api_key=" + key }) {
            String response = exchange(request("GET", target, null, "", null));
            assertThat(response).as(target).startsWith("HTTP/1.1 401").contains("\"instance\":\"/key\"");
            assertThat(response).as(target).doesNotContain(key);
        }
    }

    private void assertRefusedUnread(String response) {
        assertThat(response).startsWith("HTTP/1.1 401").contains(CHALLENGE).contains("application/problem+json");
        assertThat(response).contains("\"detail\":\"Not authenticated\"");
        assertThat(bodyBytesRead).as("body bytes the application read").hasValue(0);
        assertThat(handlerCalls).hasValue(0);
    }

    /**
     * Announces a 30 MB body with {@code Expect: 100-continue} and sends none of it: only a server that answers
     * without reading the body can answer at all.
     */
    private void assertAnsweredWithoutBody(String method, String path, String contentType) throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + (30 * 1024 * 1024) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = readUntilClosed(socket.getInputStream());
            assertThat(response).contains("HTTP/1.1 401").contains(CHALLENGE);
        }
        assertThat(bodyBytesRead).hasValue(0);
        assertThat(handlerCalls).hasValue(0);
    }

    private static String multipart(String content) {
        return "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--XYZ--\r\n";
    }

    private static String request(String method, String target, String contentType, String headers, String body) {
        StringBuilder request = new StringBuilder(method).append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
            .append(headers);
        if (body != null) {
            request.append("Content-Type: ")
                .append(contentType)
                .append("\r\nContent-Length: ")
                .append(body.getBytes(StandardCharsets.ISO_8859_1).length)
                .append("\r\n");
        }
        request.append("\r\n");
        if (body != null) {
            request.append(body);
        }
        return request.toString();
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout(15_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            catch (SocketException ex) {
                // The server may answer and close before the whole body arrived: read what it sent.
            }
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        }
        catch (SocketException ex) {
            // a reset after the answer: keep what came
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("padlock-uploads");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ Controller.class, KeyController.class })
    static class App {

        /** Counts the body bytes the application reads, through every filter and binder. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> countingFilter() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                    new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
                            chain.doFilter(new CountingRequest(request), response);
                        }
                    });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    static final class CountingRequest extends HttpServletRequestWrapper {

        CountingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        bodyBytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        bodyBytesRead.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    @RestController
    @RequiresSecurity("basicUser")
    static class Controller {

        @PostMapping("/upload")
        Map<String, Long> upload(@RequestParam("file") MultipartFile file) {
            handlerCalls.incrementAndGet();
            return Map.of("size", file.getSize());
        }

        @PutMapping("/form")
        Map<String, String> put(@RequestParam("a") String a, @RequestParam(name = "b", required = false) String[] b) {
            return form(a, b);
        }

        @org.springframework.web.bind.annotation.PatchMapping("/form")
        Map<String, String> patch(@RequestParam("a") String a,
                @RequestParam(name = "b", required = false) String[] b) {
            return form(a, b);
        }

        @org.springframework.web.bind.annotation.DeleteMapping("/form")
        Map<String, String> delete(@RequestParam("a") String a,
                @RequestParam(name = "b", required = false) String[] b) {
            return form(a, b);
        }

        @PostMapping("/form")
        Map<String, String> post(@RequestParam("a") String a,
                @RequestParam(name = "b", required = false) String[] b) {
            return form(a, b);
        }

        private static Map<String, String> form(String a, String[] b) {
            handlerCalls.incrementAndGet();
            return (b != null) ? new java.util.TreeMap<>(Map.of("a", a, "b", String.join(",", b))) : Map.of("a", a);
        }
    }

    @RestController
    static class KeyController {

        @GetMapping("/key")
        Map<String, String> key(@SecurityParam("keyUser") ApiKeyPrincipal key) {
            return Map.of("key", key.id());
        }
    }
}
