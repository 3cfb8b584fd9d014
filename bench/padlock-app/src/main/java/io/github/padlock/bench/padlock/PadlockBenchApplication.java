package io.github.padlock.bench.padlock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The load benchmark's Padlock application: {@code /public}, and {@code /basic/me}, {@code /apikey/data},
 * {@code /bearer/me} and {@code /jwt/me} each behind one Padlock scheme and verifier (see bench/load.sh).
 */
@SpringBootApplication
public class PadlockBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(PadlockBenchApplication.class, args);
    }
}
