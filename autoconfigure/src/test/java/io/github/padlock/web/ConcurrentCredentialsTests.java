package io.github.padlock.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@value CredentialMix#REQUESTS} requests from {@value CredentialMix#THREADS} client threads mixing right and wrong
 * credentials of different users, against Tomcat on platform threads: each principal is its request's own.
 */
@SpringBootTest(classes = HostileTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:hostile/hostile.yml")
class ConcurrentCredentialsTests {

    @LocalServerPort
    private int port;

    @Test
    void requestsWhenManyThreadsMixUsersThenEachPrincipalIsItsOwnOnPlatformThreads() throws Exception {
        RawHttp.Response thread = RawHttp.exchange(this.port,
                "GET /thread HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(thread.body()).isEqualTo("{\"virtual\":false}");
        CredentialMix.Result result = CredentialMix.run(this.port);
        System.out.println(result.summary("platform threads"));
        CredentialMix.assertClean(result);
    }
}
