package com.example.springsecurity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code padlock.spring-security.enabled=false}: Padlock still guards its handlers, and Spring Security's context
 * holds its own anonymous authentication there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "EXAMPLE_JWT_SECRET=" + ExampleClient.JWT_SECRET,
                "padlock.spring-security.enabled=false" })
class BridgeDisabledTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void bridgeWhenDisabledThenPadlockGuardsAndSpringSecuritySeesAnAnonymousRequest() throws Exception {
        ExampleClient client = new ExampleClient(this.port);
        assertThat(client.get("/api/whoami").statusCode()).isEqualTo(401);
        String body = client.get("/api/whoami", ExampleClient.bearer(this.context, "robot-1")).body();
        assertThat((String) JsonPath.read(body, "$.subject")).isEqualTo("robot-1");
        assertThat((String) JsonPath.read(body, "$.authentication")).isEqualTo("anonymousUser");
        assertThat(this.context.containsBean("padlockSpringSecurityWebMvcConfigurer")).isFalse();
    }
}
