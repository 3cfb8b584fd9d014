package io.github.padlock.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the README recommends behind a reverse proxy, on a real Tomcat: {@code server.forward-headers-strategy=native}
 * with {@code server.tomcat.remoteip.internal-proxies} narrowed to the proxy's own address. The proxy is 127.0.0.1;
 * the attacker connects directly from 127.0.0.3, outside the trusted range, and forges {@code X-Forwarded-For}: a new
 * address per guess does not escape the limit, and a victim's address does not lock the victim out.
 */
@SpringBootTest(classes = BruteForceBehindProxyTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=127.0.0.1/32", "padlock.brute-force.enabled=true",
                "padlock.brute-force.max-failures=5", "padlock.schemes.basicAuth.type=http-basic",
                "padlock.verifiers.basicUser.type=users", "padlock.verifiers.basicUser.scheme=basicAuth",
                "padlock.users.stanley.password={noop}password123" })
class BruteForceBehindProxyTests {

    private static final String PROXY = "127.0.0.1";

    private static final String ATTACKER = "127.0.0.3";

    @LocalServerPort
    private int port;

    @Test
    void guessesWhenAttackerForgesANewForwardedAddressEachTimeThenStillLimited() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(get(ATTACKER, "198.51.100." + i, "stanley:guess" + i)).startsWith("HTTP/1.1 401");
        }
        assertThat(get(ATTACKER, "198.51.100.99", "stanley:password123")).startsWith("HTTP/1.1 429")
            .contains("Retry-After: ");
    }

    @Test
    void guessesWhenAttackerForgesTheVictimsAddressThenTheVictimBehindTheProxyStillGetsIn() throws IOException {
        String victim = "203.0.113.9";
        for (int i = 0; i < 5; i++) {
            get("127.0.0.4", victim, "stanley:guess" + i);
        }
        assertThat(get(PROXY, victim, "stanley:password123")).startsWith("HTTP/1.1 200");
    }

    @Test
    void guessesWhenThroughTheProxyThenCountedPerForwardedClient() throws IOException {
        String guesser = "198.51.100.200";
        for (int i = 0; i < 5; i++) {
            assertThat(get(PROXY, guesser, "stanley:guess" + i)).startsWith("HTTP/1.1 401");
        }
        assertThat(get(PROXY, guesser, "stanley:password123")).startsWith("HTTP/1.1 429");
        assertThat(get(PROXY, "198.51.100.201", "stanley:password123")).startsWith("HTTP/1.1 200");
    }

    /** {@code GET /me} sent from {@code localAddress}, carrying {@code X-Forwarded-For: forwardedFor}. */
    private String get(String localAddress, String forwardedFor, String credentials) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(PROXY), this.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Forwarded-For: "
                    + forwardedFor + "\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Controller.class)
    static class App {
    }

    @RestController
    static class Controller {

        @GetMapping("/me")
        Map<String, String> me(@SecurityParam("basicUser") UserPrincipal user) {
            return Map.of("username", user.username());
        }
    }
}
