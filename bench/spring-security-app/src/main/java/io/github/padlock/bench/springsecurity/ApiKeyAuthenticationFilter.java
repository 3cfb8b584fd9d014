package io.github.padlock.bench.springsecurity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request whose {@code X-API-KEY} header is the bench key, compared in constant time; any other
 * request goes on unauthenticated, and the chain's authorization rule and entry point answer 401.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-KEY";

    private static final byte[] API_KEY = "SECRET_API_KEY".getBytes(StandardCharsets.UTF_8);

    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), API_KEY)) {
            SecurityContext context = this.contextHolder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(BenchSecurityConfiguration.USERNAME,
                    null, AuthorityUtils.createAuthorityList("ROLE_API")));
            this.contextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
