import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;

import io.github.padlock.jwt.JwtCacheSettings;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

/**
 * The heap that Padlock's cache of verified JWTs takes per entry (see docs/benchmarks.md): decodes N distinct tokens
 * through a decoder whose cache holds them all, and compares the live heap after a full GC before and after, the
 * tokens themselves being held by this program throughout. Two token shapes: the load benchmark's (sub, iat, nbf,
 * exp, jti: what JwtIssuer writes without scopes) and one with two scopes, an issuer and an audience.
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar bench/jmh/JwtCacheMemory.java [N]
 * </pre>
 */
public class JwtCacheMemory {

    public static void main(String[] args) throws Exception {
        int n = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
        String secret = "benchmark-secret-with-more-than-32-bytes-of-key-material";
        measure("the load benchmark's token (sub, iat, nbf, exp, jti)", JwtSettings.builder().secret(secret).build(),
                List.of(), n);
        measure("two scopes, iss and aud", JwtSettings.builder().secret(secret).issuer("https://issuer.example")
            .audience(List.of("https://api.example")).build(), List.of("items:read", "items:write"), n);
    }

    private static void measure(String what, JwtSettings settings, List<String> scopes, int n) throws Exception {
        JwtIssuer issuer = new JwtIssuer(settings);
        String[] tokens = new String[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = issuer.issue("stanley", scopes, Duration.ofHours(1)).value();
        }
        JwtDecoder decoder = new JwtDecoder(settings, new JwtCacheSettings(n, Duration.ofHours(1), true));
        decoder.decode(tokens[0]); // the decoder's own one-time state, before the first measurement
        long before = liveHeap();
        for (String token : tokens) {
            decoder.decode(token);
        }
        Thread.sleep(1_000); // Caffeine's maintenance, on the common pool
        long after = liveHeap();
        long size = decoder.cacheStatistics().size();
        System.out.printf("%s: %d tokens of %d characters, %d entries kept, %.0f bytes of heap per entry%n", what, n,
                tokens[0].length(), size, (after - before) / (double) (size - 1));
        if (decoder.decode(tokens[n - 1]) == null) {
            throw new IllegalStateException("unreachable: keeps the decoder alive until here");
        }
    }

    private static long liveHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
