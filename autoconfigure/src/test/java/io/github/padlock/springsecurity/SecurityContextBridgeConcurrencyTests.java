package io.github.padlock.springsecurity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@value BridgeTraffic#THREADS} client threads × {@value BridgeTraffic#REQUESTS} requests of different users against
 * Tomcat's pool of platform threads: every guarded handler's Spring Security context names its own request's user,
 * every unguarded one's names nobody.
 */
@SpringBootTest(classes = BridgeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityContextBridgeConcurrencyTests {

    @LocalServerPort
    private int port;

    @Test
    void bridgeWhenConcurrentRequestsOfDifferentUsersThenEachContextIsItsOwnOnPlatformThreads() throws Exception {
        BridgeTraffic.Result result = BridgeTraffic.run(this.port);
        BridgeTraffic.assertClean(result);
        assertThat(result.serverThreads()).as("Tomcat's threads").hasSizeGreaterThan(1)
            .noneMatch((thread) -> thread.startsWith("VirtualThread"));
    }
}
