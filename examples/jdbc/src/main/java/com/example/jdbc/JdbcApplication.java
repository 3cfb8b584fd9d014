package com.example.jdbc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Users and API keys in a database, checked by Padlock's JDBC stores: H2 in memory by default, PostgreSQL with
 * {@code spring.datasource.url=jdbc:postgresql://...}. Any number of instances on one database agree on every key.
 */
@SpringBootApplication
public class JdbcApplication {

    public static void main(String[] args) {
        SpringApplication.run(JdbcApplication.class, args);
    }
}
