package io.github.padlock.bench.padlock;

import java.time.Duration;
import java.util.List;

import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

/**
 * Prints an HS256 JWT for {@code sub=stanley}, valid for a year, signed by Padlock's {@link JwtIssuer} with the bench
 * secret (the first argument, or the default of {@code padlock.jwt.secret} in {@code application.yml}). bench/load.sh
 * runs it from the executable jar:
 *
 * <pre>
 * java -cp padlock-bench-app.jar -Dloader.main=io.github.padlock.bench.padlock.TokenPrinter \
 *      org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class TokenPrinter {

    static final String DEFAULT_SECRET = "peer-bench-hs256-secret-32-bytes";

    private TokenPrinter() {
    }

    public static void main(String[] args) {
        String secret = (args.length > 0) ? args[0] : DEFAULT_SECRET;
        System.out.println(token(secret));
    }

    static String token(String secret) {
        JwtSettings settings = JwtSettings.builder().secret(secret).algorithms(List.of("HS256")).build();
        return new JwtIssuer(settings).issue(BenchSecurityConfiguration.USERNAME, List.of(), Duration.ofDays(365))
            .value();
    }
}
