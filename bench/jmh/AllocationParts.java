import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import com.nimbusds.jose.shaded.gson.stream.JsonReader;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

/**
 * Bytes allocated by each step of the two verifiers that allocate most, measured one step at a time: each step runs
 * 300,000 times to warm up, then 300,000 times between two readings of the thread's allocated bytes. A rough
 * companion to the JMH numbers (escape analysis may differ by a few bytes from the whole path), to tell which step
 * costs what. Run after building the benchmarks:
 *
 * <pre>java -cp bench/jmh/target/benchmarks.jar bench/jmh/AllocationParts.java</pre>
 */
public class AllocationParts {

    static final int CALLS = 300_000;

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String key = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";
        String storedHash = "sha256:" + HexFormat.of().formatHex(sha256(key));
        System.out.println("ApiKeyAuthenticator.check and its verifier, step by step:");
        measure("presented.substring(0, dot)  (the id to look up)", () -> key.substring(0, key.indexOf('.')));
        measure("hash.substring(7)  (ApiKeyHashes.parseDigest)", () -> storedHash.substring(7));
        measure("HexFormat.of().parseHex(hash.substring(7))", () -> HexFormat.of().parseHex(storedHash.substring(7)));
        measure("MessageDigest.getInstance(\"SHA-256\")", () -> MessageDigest.getInstance("SHA-256"));
        measure("presented.getBytes(UTF_8)", () -> key.getBytes(StandardCharsets.UTF_8));
        measure("ApiKeyHashes.sha256: getInstance + digest(getBytes)", () -> sha256(key));
        List<String> scopes = List.of("items:read");
        measure("new ApiKeyPrincipal(id, scopes)", () -> new ApiKeyPrincipal("demo", scopes));

        JwtSettings settings = JwtSettings.builder()
            .secret("benchmark-secret-with-more-than-32-bytes-of-key-material")
            .issuer("padlock-bench")
            .build();
        String token = new JwtIssuer(settings).issue("stanley", scopes, Duration.ofDays(1)).value();
        JwtDecoder decoder = new JwtDecoder(settings);
        System.out.println("JwtDecoder.decode (HS256, a " + token.length() + "-character token), step by step:");
        measure("nimbus's Gson JsonReader over a StringReader", () -> new JsonReader(new java.io.StringReader("{}")));
        measure("JSONObjectUtils.parse of {\"alg\":\"HS256\"}", () -> JSONObjectUtils.parse("{\"alg\":\"HS256\"}"));
        measure("SignedJWT.parse(token)", () -> SignedJWT.parse(token));
        measure("SignedJWT.parse(token).getJWTClaimsSet()", () -> SignedJWT.parse(token).getJWTClaimsSet());
        measure("javax.crypto.Mac.getInstance(\"HmacSHA256\")", () -> javax.crypto.Mac.getInstance("HmacSHA256"));
        measure("JwtDecoder.decode(token), all of it", () -> decoder.decode(token));
    }

    static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static void measure(String step, Callable<Object> call) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            sink = call.call();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            sink = call.call();
        }
        long perCall = (threads.getThreadAllocatedBytes(thread) - before) / CALLS;
        System.out.printf("  %6d B  %s%n", perCall, step);
    }
}
