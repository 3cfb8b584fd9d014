package io.github.padlock.springsecurity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client threads sending requests of different users, each to a guarded handler ({@code /me}, or {@code /async},
 * whose body is written on the async re-dispatch) or to an unguarded one ({@code /open}), and checking each answer:
 * a guarded handler's Spring Security context names its own request's user, an unguarded one's names nobody.
 */
final class BridgeTraffic {

    /** Client threads. */
    static final int THREADS = 8;

    /** Requests per client thread. */
    static final int REQUESTS = 200;

    private BridgeTraffic() {
    }

    /** What the server's threads were, by their names, and the answers that were wrong. */
    record Result(int requests, TreeSet<String> serverThreads, List<String> problems) {
    }

    static Result run(int port) throws Exception {
        List<String> users = List.copyOf(new TreeSet<>(BridgeTestConfiguration.USERS.keySet()));
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        // The client's own executor: the HTTP client completes responses on it, so it must not be the one whose threads
        // wait for them.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        TreeSet<String> threads = new TreeSet<>();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(clients.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < REQUESTS; i++) {
                    String user = users.get(random.nextInt(users.size()));
                    int kind = random.nextInt(3);
                    String path = (kind == 0) ? "/me" : (kind == 1) ? "/async" : "/open";
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30));
                    if (kind != 2) {
                        request.header("Authorization", SecurityContextBridgeTests.basic(user));
                    }
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    sent.incrementAndGet();
                    String problem = check(path, (kind != 2) ? user : BridgeTestConfiguration.NONE, response);
                    if (problem != null) {
                        problems.add(path + " as " + user + ": " + problem);
                    }
                    else if (kind != 1) {
                        String thread = JsonPath.read(response.body(), "$.thread");
                        synchronized (threads) {
                            threads.add(thread);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        return new Result(sent.get(), threads, List.copyOf(problems));
    }

    /** Whether the answer names {@code expected} wherever Spring Security's context was read. */
    private static String check(String path, String expected, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return response.statusCode() + " " + response.body();
        }
        Map<String, Object> body = JsonPath.read(response.body(), "$");
        Object seen = switch (path) {
            case "/me" -> body.get("name") + "/" + body.get("parameter") + "/" + body.get("rendered");
            case "/async" -> body.get("parameter") + "/" + body.get("rendered");
            default -> body.get("authentication") + "/" + body.get("rendered");
        };
        String wanted = switch (path) {
            case "/me" -> expected + "/" + expected + "/" + expected;
            default -> expected + "/" + expected;
        };
        return wanted.equals(seen) ? null : "saw " + seen;
    }

    static void assertClean(Result result) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.requests()).isEqualTo(THREADS * REQUESTS);
    }
}
