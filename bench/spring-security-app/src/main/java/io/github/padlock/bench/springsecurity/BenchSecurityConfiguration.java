package io.github.padlock.bench.springsecurity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * One stateless {@link SecurityFilterChain} per bench endpoint, the idiomatic Spring Security 7 way, with the fixed
 * bench credentials and no slow hash, so that what the benchmark measures is the framework's cost.
 */
@Configuration(proxyBeanMethods = false)
class BenchSecurityConfiguration {

    static final String USERNAME = "stanley";

    private static final byte[] TOKEN = "token_for_stanley".getBytes(StandardCharsets.UTF_8);

    @Bean
    @Order(1)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/public"))
            .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain basicChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/basic/**"))
            .authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
            .httpBasic(Customizer.withDefaults())
            .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiKeyChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/apikey/**"))
            .authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
            .addFilterBefore(new ApiKeyAuthenticationFilter(), AnonymousAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions
                .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
            .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain bearerChain(HttpSecurity http, OpaqueTokenIntrospector introspector) throws Exception {
        return stateless(http.securityMatcher("/bearer/**"))
            .authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
            .oauth2ResourceServer((resourceServer) -> resourceServer
                .opaqueToken((opaqueToken) -> opaqueToken.introspector(introspector)))
            .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain jwtChain(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
        return stateless(http.securityMatcher("/jwt/**"))
            .authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
            .oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder(jwtDecoder)))
            .build();
    }

    /** Deny by default: any other path answers 401; the error page stays reachable for error dispatches. */
    @Bean
    @Order(6)
    SecurityFilterChain otherChain(HttpSecurity http) throws Exception {
        return stateless(http)
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/error").permitAll()
                .anyRequest().denyAll())
            .exceptionHandling((exceptions) -> exceptions
                .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
            .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}password123").build());
    }

    /**
     * A {@link DelegatingPasswordEncoder} that encodes with {@code noop}: with the default one (which encodes with
     * bcrypt), the first successful login would "upgrade" the stored {@code {noop}} password to a bcrypt hash through
     * {@code InMemoryUserDetailsManager}'s {@code UserDetailsPasswordService}, and every later request would pay for
     * bcrypt.
     */
    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("noop",
                Map.of("noop", NoOpPasswordEncoder.getInstance(), "bcrypt", new BCryptPasswordEncoder()));
    }

    /** An in-process introspector for the bench's one opaque token, compared in constant time. */
    @Bean
    OpaqueTokenIntrospector opaqueTokenIntrospector() {
        return (token) -> {
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), TOKEN)) {
                throw new BadOpaqueTokenException("Invalid token");
            }
            return new OAuth2IntrospectionAuthenticatedPrincipal(USERNAME, Map.of("active", true, "sub", USERNAME),
                    List.of());
        };
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${bench.jwt.secret}") String secret) {
        return NimbusJwtDecoder.withSecretKey(secretKey(secret)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    static SecretKey secretKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
