package io.github.padlock.bench.baseline;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load benchmark's baseline: the five bench endpoints with no security at all, plain Spring MVC answering the same
 * JSON as the Padlock and Spring Security applications (see bench/load.sh).
 */
@SpringBootApplication
public class BaselineBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineBenchApplication.class, args);
    }

    @RestController
    static class BenchController {

        private static final String USERNAME = "stanley";

        @GetMapping("/public")
        Map<String, String> publicData() {
            return Map.of("username", USERNAME);
        }

        @GetMapping("/basic/me")
        Map<String, String> basic() {
            return Map.of("username", USERNAME);
        }

        @GetMapping("/apikey/data")
        Map<String, String> apiKey() {
            return Map.of("username", USERNAME);
        }

        @GetMapping("/bearer/me")
        Map<String, String> bearer() {
            return Map.of("username", USERNAME);
        }

        @GetMapping("/jwt/me")
        Map<String, String> jwt() {
            return Map.of("username", USERNAME);
        }
    }
}
