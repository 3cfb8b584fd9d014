package com.example.springsecurity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Padlock guards {@code /api/**}; Spring Security's form login guards {@code /admin/**}; method security and
 * {@code @AuthenticationPrincipal} work in Padlock's handlers as in Spring Security's.
 */
@SpringBootApplication
public class SpringSecurityApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringSecurityApplication.class, args);
    }
}
