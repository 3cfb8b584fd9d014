package com.example.springsecurity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@link Traffic} against Tomcat's pool of platform threads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "EXAMPLE_JWT_SECRET=" + ExampleClient.JWT_SECRET })
class ConcurrencyTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void contextWhenConcurrentRequestsOfDifferentSubjectsThenEachIsItsOwnOnPlatformThreads() throws Exception {
        Traffic.runAndAssertClean(this.context, this.port);
    }
}
