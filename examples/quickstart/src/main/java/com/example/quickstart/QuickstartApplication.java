package com.example.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's Quick start, whole: {@link SecurityConfiguration} and {@link UserController} are the README's blocks,
 * checked against it by {@code ReadmeSnippetsTests}.
 */
@SpringBootApplication
public class QuickstartApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuickstartApplication.class, args);
    }
}
