package io.github.padlock.bench.padlock;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

/**
 * Prints HS256 JWTs for {@code sub=stanley}, valid for a year, signed by Padlock's {@link JwtIssuer} with the bench
 * secret (the default of {@code padlock.jwt.secret} in {@code application.yml}, which the Spring Security application
 * shares): one by default, or as many as the first argument says, one per line, each distinct (a random {@code jti}),
 * for the {@code jwt-unique} endpoint of bench/load.sh, which runs it from the executable jar:
 *
 * <pre>
 * java -cp padlock-bench-app.jar -Dloader.main=io.github.padlock.bench.padlock.TokenPrinter \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [count]
 * </pre>
 */
public final class TokenPrinter {

    static final String DEFAULT_SECRET = "peer-bench-hs256-secret-32-bytes";

    private TokenPrinter() {
    }

    public static void main(String[] args) throws IOException {
        int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1;
        JwtIssuer issuer = issuer(DEFAULT_SECRET);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
        for (int i = 0; i < count; i++) {
            out.write(token(issuer));
            out.newLine();
        }
        out.flush();
    }

    static String token(String secret) {
        return token(issuer(secret));
    }

    private static String token(JwtIssuer issuer) {
        return issuer.issue(BenchSecurityConfiguration.USERNAME, List.of(), Duration.ofDays(365)).value();
    }

    private static JwtIssuer issuer(String secret) {
        return new JwtIssuer(JwtSettings.builder().secret(secret).algorithms(List.of("HS256")).build());
    }
}
