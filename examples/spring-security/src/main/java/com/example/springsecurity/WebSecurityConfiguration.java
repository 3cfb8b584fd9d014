package com.example.springsecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

    /** admin's password, admin-password. */
    static final String ADMIN_PASSWORD_HASH = "{bcrypt}$2a$10$Hflk9K/nG7feB9/3GFXxt./AK5bzBbP7YHUncZasGaZmlHKV3.NTC";

    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http) {
        return http.securityMatcher("/admin/**", "/login", "/logout")
            .authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
            .formLogin((form) -> form.permitAll())
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) {
        return http.securityMatcher("/api/**")
            .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())  // Padlock guards /api/**
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)   // stateless: no session cookie here, nothing to forge
            .build();
    }

    @Bean
    UserDetailsService admins() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password(ADMIN_PASSWORD_HASH).roles("ADMIN").build());
    }
}
