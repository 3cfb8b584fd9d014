package io.github.padlock.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.padlock.jwt.JwtCacheSettings;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code JwtDecoder.decode} of an HS256 token (the settings of {@link BenchConfiguration}: an issuer, HS256), for a
 * token sent again and for tokens never seen before, with and without the cache of verified tokens:
 * <ul>
 * <li>{@code off}: no cache, the same token every time: the first check of a token, nothing else;</li>
 * <li>{@code offUnique}: no cache, {@value #POOL} distinct tokens in turn: the same check, over tokens that are not in
 * the processor's caches;</li>
 * <li>{@code hit}: the default cache ({@code JwtCacheSettings.defaults()}, 10,000 tokens), the same token every time:
 * the SHA-256 of the token, a lookup and the expiry check;</li>
 * <li>{@code miss}: the default cache, {@value #POOL} distinct tokens in turn, ten times its size, so that nearly every
 * token is a miss: the check, plus the hash, the lookup, the insertion and Caffeine's evictions (which run on the
 * thread that wrote, as in an application, so that this thread's time includes them).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class JwtCacheBenchmark {

    /** Distinct tokens of {@code offUnique} and {@code miss}: ten times the default maximum size. */
    static final int POOL = 100_000;

    /** With or without the cache, one token or distinct ones. */
    @Param({ "off", "offUnique", "hit", "miss" })
    public String mode;

    private JwtDecoder decoder;

    private String[] tokens;

    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        JwtSettings settings = JwtSettings.builder().secret(BenchConfiguration.JWT_SECRET).issuer("padlock-bench")
            .build();
        boolean cached = this.mode.equals("hit") || this.mode.equals("miss");
        this.decoder = new JwtDecoder(settings, cached ? JwtCacheSettings.defaults() : null);
        boolean unique = this.mode.equals("offUnique") || this.mode.equals("miss");
        JwtIssuer issuer = new JwtIssuer(settings);
        this.tokens = new String[unique ? POOL : 1];
        for (int i = 0; i < this.tokens.length; i++) {
            // A random jti: every token distinct. A day: longer than any run.
            this.tokens[i] = issuer.issue(BenchConfiguration.USERNAME, List.of("items:read"), Duration.ofDays(1))
                .value();
        }
        if (!this.decoder.decode(this.tokens[0]).subject().equals(BenchConfiguration.USERNAME)) {
            throw new IllegalStateException("The token was not decoded");
        }
    }

    @Benchmark
    public JwtPrincipal decode() {
        String token = this.tokens[this.next];
        this.next = (this.next + 1 == this.tokens.length) ? 0 : this.next + 1;
        return this.decoder.decode(token);
    }
}
