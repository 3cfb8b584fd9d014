package com.example.springsecurity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@value #THREADS} client threads × {@value #REQUESTS} requests, each with the JWT of one of {@value #SUBJECTS}
 * subjects to a handler that reads Spring Security's context in the handler ({@code /api/whoami}) or on the thread of
 * its {@code Callable} ({@code /api/whoami/async}), or without credentials to one Padlock does not guard: each
 * answer must name its own request's subject, or Spring Security's anonymous user.
 */
final class Traffic {

    static final int THREADS = 8;

    static final int REQUESTS = 200;

    static final int SUBJECTS = 8;

    private Traffic() {
    }

    static void runAndAssertClean(ApplicationContext context, int port) throws Exception {
        List<String[]> tokens = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            tokens.add(ExampleClient.bearer(context, "robot-" + i));
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(clients.submit(() -> {
                ExampleClient client = new ExampleClient(port);
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < REQUESTS; i++) {
                    int subject = random.nextInt(SUBJECTS);
                    int kind = random.nextInt(3);
                    HttpResponse<String> response = switch (kind) {
                        case 0 -> client.get("/api/whoami", tokens.get(subject));
                        case 1 -> client.get("/api/whoami/async", tokens.get(subject));
                        default -> client.get("/api/public/context");
                    };
                    String expected = (kind == 2) ? "anonymousUser" : "robot-" + subject;
                    String seen = (response.statusCode() == 200)
                            ? JsonPath.read(response.body(), "$.authentication") : response.statusCode() + "";
                    if (!expected.equals(seen) || (kind != 2
                            && !expected.equals(JsonPath.read(response.body(), "$.subject")))) {
                        problems.add("expected " + expected + ", saw " + response.body());
                    }
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertThat(problems).isEmpty();
        assertThat(answered.get()).isEqualTo(THREADS * REQUESTS);
    }
}
