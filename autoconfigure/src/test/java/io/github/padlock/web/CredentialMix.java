package io.github.padlock.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import static io.github.padlock.web.Corpus.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many client threads on keep-alive connections, each request with the credentials of one user picked at random —
 * right ones of different users (Basic, API keys in the three places, JWTs of different subjects, opaque tokens,
 * Digest) and wrong ones that are mostly another user's (ann's name with bob's password, alpha's id with beta's
 * secret, a token of cid signed with another key) — each answer checked against that request's own credentials:
 * the principal must be its user (no cross-talk), a wrong credential must be 401 (no false acceptance), and nothing
 * else may happen (no error, no 5xx).
 */
final class CredentialMix {

    /** Client threads. */
    static final int THREADS = 64;

    /** Requests per run: at least 100,000, as issue 8 asks. */
    static final int REQUESTS = 100_032;

    private CredentialMix() {
    }

    /**
     * @param name what it is
     * @param request the request bytes (keep-alive)
     * @param principal whose it is, or {@code null} when it must be refused with 401
     */
    record Call(String name, String request, @Nullable String principal) {
    }

    /** What a run saw. */
    record Result(long requests, long nanos, Map<Integer, Long> statuses, long crossTalk, long falseAcceptances,
            long errors, long connects, List<String> firstProblems) {

        String summary(String mode) {
            return String.format("Concurrency [%s]: %d requests by %d threads in %.1f s (%.0f/s), statuses %s; "
                    + "cross-talk %d, false acceptances %d, errors %d; %d connections", mode, this.requests, THREADS,
                    this.nanos / 1e9, this.requests / (this.nanos / 1e9), new TreeMap<>(this.statuses),
                    this.crossTalk, this.falseAcceptances, this.errors, this.connects);
        }
    }

    static List<Call> calls(int port) {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        List<Call> calls = new ArrayList<>();
        List<String> users = List.copyOf(new TreeSet<>(HostileTestApplication.PASSWORDS.keySet()));
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            String other = users.get((i + 1) % users.size());
            String password = HostileTestApplication.PASSWORDS.get(user);
            String otherPassword = HostileTestApplication.PASSWORDS.get(other);
            calls.add(get("basic " + user, "/basic", host, user, "Authorization: " + basic("Basic", user + ":"
                    + password)));
            calls.add(get("basic " + user + " with " + other + "'s password", "/basic", host, null,
                    "Authorization: " + basic("Basic", user + ":" + otherPassword)));
            calls.add(get("basic " + user + " with a password one character longer", "/basic", host, null,
                    "Authorization: " + basic("Basic", user + ":" + password + "x")));
            calls.add(get("oauth2 " + user, "/oauth2", host, user, "Authorization: Bearer " + Tokens.valid(user)));
            calls.add(get("oauth2 " + user + " signed with another key", "/oauth2", host, null,
                    "Authorization: Bearer " + Tokens.withSecret(Tokens.OTHER_SECRET, Tokens.claims(user).build())));
            calls.add(get("oidc " + user, "/oidc", host, user, "Authorization: Bearer " + Tokens.valid(user)));
            calls.add(get("oidc " + user + " expired", "/oidc", host, null, "Authorization: Bearer "
                    + Tokens.expired(user)));
            calls.add(get("oauth2 claims of " + user + " with the signature of " + other + "'s", "/oauth2", host, null,
                    "Authorization: Bearer " + Tokens.swappedSignature(user, other)));
        }
        List<String> ids = List.copyOf(new TreeSet<>(HostileTestApplication.API_KEYS.keySet()));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String key = HostileTestApplication.API_KEYS.get(id);
            String otherKey = HostileTestApplication.API_KEYS.get(ids.get((i + 1) % ids.size()));
            String forged = id + otherKey.substring(otherKey.indexOf('.'));
            calls.add(get("header key " + id, "/key/header", host, id, "X-API-KEY: " + key));
            calls.add(get("header key " + id + " with another key's secret", "/key/header", host, null,
                    "X-API-KEY: " + forged));
            calls.add(get("query key " + id, "/key/query?api_key=" + key, host, id));
            calls.add(get("query key " + id + " with another key's secret", "/key/query?api_key=" + forged, host,
                    null));
            calls.add(get("cookie key " + id, "/key/cookie", host, id, "Cookie: api_key=" + key));
            calls.add(get("cookie key " + id + " with another key's secret", "/key/cookie", host, null,
                    "Cookie: api_key=" + forged));
        }
        HostileTestApplication.OPAQUE_TOKENS.forEach((token, user) -> {
            calls.add(get("bearer " + user, "/bearer", host, user, "Authorization: Bearer " + token));
            calls.add(get("bearer " + user + " altered", "/bearer", host, null,
                    "Authorization: Bearer " + token.substring(0, token.length() - 1) + "0"));
        });
        calls.add(get("digest dee", "/digest", host, "dee", "Authorization: Digest "
                + HostileTestApplication.DIGEST_CREDENTIALS));
        calls.add(get("digest dee altered", "/digest", host, null, "Authorization: Digest "
                + HostileTestApplication.DIGEST_CREDENTIALS.replace("6629", "0000")));
        return calls;
    }

    private static Call get(String name, String target, String host, @Nullable String principal, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n").append(host);
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return new Call(name, request.append("\r\n").toString(), principal);
    }

    /** Sends {@value #REQUESTS} requests from {@value #THREADS} threads, each on its own keep-alive connection. */
    static Result run(int port) throws Exception {
        List<Call> calls = calls(port);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong crossTalk = new AtomicLong();
        AtomicLong falseAcceptances = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong connects = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try (RawHttp.KeepAlive connection = new RawHttp.KeepAlive(port)) {
                    start.await();
                    for (int i = 0; i < REQUESTS / THREADS; i++) {
                        Call call = calls.get(random.nextInt(calls.size()));
                        sent.incrementAndGet();
                        String problem = exchange(connection, call, statuses, crossTalk, falseAcceptances, errors);
                        if (problem != null && problems.size() < 10) {
                            problems.add(call.name() + ": " + problem);
                        }
                    }
                    connects.addAndGet(connection.connects());
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        long nanos = System.nanoTime() - t0;
        pool.shutdown();
        return new Result(sent.get(), nanos, Map.copyOf(statuses), crossTalk.get(), falseAcceptances.get(),
                errors.get(), connects.get(), List.copyOf(problems));
    }

    private static @Nullable String exchange(RawHttp.KeepAlive connection, Call call, Map<Integer, Long> statuses,
            AtomicLong crossTalk, AtomicLong falseAcceptances, AtomicLong errors) {
        RawHttp.Response response;
        long t0 = System.nanoTime();
        try {
            response = connection.exchange(call.request());
        }
        catch (IOException ex) {
            errors.incrementAndGet();
            connection.close();
            return String.format("%s after %d ms, request %d on its connection", ex,
                    (System.nanoTime() - t0) / 1_000_000,
                    connection.onConnection());
        }
        int status = response.status();
        statuses.merge(status, 1L, Long::sum);
        String expected = call.principal();
        if (status == 200) {
            String name = name(response.body());
            if (expected == null) {
                falseAcceptances.incrementAndGet();
                return "accepted as " + name;
            }
            if (!expected.equals(name)) {
                crossTalk.incrementAndGet();
                return "answered for " + name;
            }
            return null;
        }
        if (status == 401 && expected == null) {
            return null;
        }
        errors.incrementAndGet();
        return status + " " + response.body();
    }

    /** The {@code name} of {@code {"name":"..."}}, without a JSON parser (this is the hot loop). */
    private static @Nullable String name(String body) {
        String prefix = "{\"name\":\"";
        int end = body.indexOf('"', prefix.length());
        return (body.startsWith(prefix) && end > 0) ? body.substring(prefix.length(), end) : null;
    }

    static void assertClean(Result result) {
        assertThat(result.requests()).as("requests").isGreaterThanOrEqualTo(100_000);
        assertThat(result.firstProblems()).as("first problems").isEmpty();
        assertThat(result.crossTalk()).as("cross-talk").isZero();
        assertThat(result.falseAcceptances()).as("false acceptances").isZero();
        assertThat(result.errors()).as("errors").isZero();
        assertThat(result.statuses().keySet()).as("statuses").containsOnly(200, 401);
    }
}
