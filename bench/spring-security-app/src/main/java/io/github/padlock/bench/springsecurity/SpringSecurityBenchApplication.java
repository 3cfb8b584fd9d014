package io.github.padlock.bench.springsecurity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The load benchmark's Spring Security application: the same five endpoints as the Padlock application, protected the
 * idiomatic Spring Security way (see bench/load.sh).
 */
@SpringBootApplication
public class SpringSecurityBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringSecurityBenchApplication.class, args);
    }
}
