package io.github.padlock.springsecurity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Tomcat with a single request thread, so that each request runs on the thread the one before ran on: after a
 * guarded handler — granted, refused, denied by Spring Security, answered through an error dispatch, or finished on
 * the async re-dispatch — an unguarded handler's Spring Security context holds nothing. No Spring Security filter runs
 * here: the bridge alone clears what it set.
 */
@SpringBootTest(classes = BridgeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1" })
class SecurityContextBridgeServerTests {

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void bridgeWhenGuardedThenUnguardedOnTheOneThreadThenNothingLeaks() throws Exception {
        Set<String> threads = new TreeSet<>();
        for (String user : List.of("alice", "bob", "carol")) {
            String basic = SecurityContextBridgeTests.basic(user);
            HttpResponse<String> me = get("/me", basic);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(me.body(), "$.name")).isEqualTo(user);
            threads.add(JsonPath.read(me.body(), "$.thread"));
            threads.add(openHoldsNothing());

            assertThat(get("/me", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":x").getBytes()))
                .statusCode()).isEqualTo(401);
            threads.add(openHoldsNothing());

            assertThat(get("/denied", basic).statusCode()).isEqualTo(403);
            threads.add(openHoldsNothing());

            HttpResponse<String> async = get("/async", basic);
            assertThat(async.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(async.body(), "$.rendered")).isEqualTo(user);
            threads.add(openHoldsNothing());
        }
        assertThat(threads).as("one request thread served them all").hasSize(1);
    }

    @Test
    void bridgeWhenErrorDispatchThenTheErrorPageHoldsNothingAndNothingLeaks() throws Exception {
        HttpResponse<String> teapot = get("/teapot", SecurityContextBridgeTests.basic("bob"));
        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat((String) JsonPath.read(teapot.body(), "$.authentication")).isEqualTo("none");
        openHoldsNothing();
    }

    private String openHoldsNothing() throws Exception {
        HttpResponse<String> open = get("/open", null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(open.body(), "$.authentication")).isEqualTo(BridgeTestConfiguration.NONE);
        return JsonPath.read(open.body(), "$.thread");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
