package io.github.padlock.springsecurity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@value BridgeTraffic#THREADS} client threads × {@value BridgeTraffic#REQUESTS} requests of different users against
 * Tomcat on virtual threads ({@code spring.threads.virtual.enabled=true}, and Spring MVC's async tasks on them too):
 * every guarded handler's Spring Security context names its own request's user, every unguarded one's names nobody.
 * <p>
 * Virtual threads need Java 21 or later; on Java 17 (the project's baseline) Spring Boot ignores the property, so the
 * test is skipped there. Run it with a newer JDK, such as {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw
 * -pl autoconfigure test -Dtest=SecurityContextBridgeVirtualThreadsTests}.
 */
@SpringBootTest(classes = BridgeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.threads.virtual.enabled=true", "server.tomcat.max-keep-alive-requests=-1" })
class SecurityContextBridgeVirtualThreadsTests {

    @LocalServerPort
    private int port;

    @Test
    void bridgeWhenConcurrentRequestsOfDifferentUsersThenEachContextIsItsOwnOnVirtualThreads() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, this is Java "
                + Runtime.version().feature());
        BridgeTraffic.Result result = BridgeTraffic.run(this.port);
        BridgeTraffic.assertClean(result);
        assertThat(result.serverThreads()).as("Tomcat's threads").allMatch((thread) -> thread.startsWith("VirtualThread"));
    }
}
