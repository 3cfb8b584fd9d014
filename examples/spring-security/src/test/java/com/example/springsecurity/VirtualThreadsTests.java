package com.example.springsecurity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Traffic} against Tomcat on virtual threads, Spring MVC's async tasks too
 * ({@code spring.threads.virtual.enabled=true}). Virtual threads need Java 21 or later; on Java 17, the project's
 * baseline, Spring Boot ignores the property and the test is skipped. Run it with a newer JDK:
 * {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -pl examples/spring-security -am verify
 * -Dtest=VirtualThreadsTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "EXAMPLE_JWT_SECRET=" + ExampleClient.JWT_SECRET,
                "spring.threads.virtual.enabled=true", "server.tomcat.max-keep-alive-requests=-1" })
class VirtualThreadsTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void contextWhenConcurrentRequestsOfDifferentSubjectsThenEachIsItsOwnOnVirtualThreads() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, this is Java "
                + Runtime.version().feature());
        Traffic.runAndAssertClean(this.context, this.port);
    }
}
