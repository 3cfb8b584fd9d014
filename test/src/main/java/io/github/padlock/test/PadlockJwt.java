package io.github.padlock.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A JWT the test describes (subject, scopes, claims, lifetime), signed when the request is built with the
 * application's own key, so that its {@code type: jwt} verifiers accept it as one from its token endpoint: the
 * {@link JwtIssuer} bean ({@code padlock.token-endpoint}), else one built from the {@link JwtSettings} bean
 * ({@code padlock.jwt.secret} or {@code private-key}). An application that only verifies ({@code public-key},
 * {@code jwk-set-uri}) holds no key to sign with: give the test a {@code padlock.jwt.private-key} that pairs with its
 * {@code public-key}, or a {@code padlock.jwt.secret} in place of both. Immutable: each method returns a copy.
 */
public final class PadlockJwt implements RequestPostProcessor {

    static final PadlockJwt DEFAULT = new PadlockJwt("user", List.of(), Map.of(), Duration.ofMinutes(5));

    private final String subject;

    private final List<String> scopes;

    private final Map<String, Object> claims;

    private final Duration timeToLive;

    private PadlockJwt(String subject, List<String> scopes, Map<String, Object> claims, Duration timeToLive) {
        this.subject = subject;
        this.scopes = List.copyOf(scopes);
        this.claims = Map.copyOf(claims);
        this.timeToLive = timeToLive;
    }

    /**
     * @param subject the {@code sub}, such as a user name
     * @return a copy with this subject
     */
    public PadlockJwt subject(String subject) {
        return new PadlockJwt(subject, this.scopes, this.claims, this.timeToLive);
    }

    /**
     * @param scopes the scopes the token grants, in the application's scope claim ({@code scope} or {@code scp})
     * @return a copy granting exactly these
     */
    public PadlockJwt scopes(String... scopes) {
        return new PadlockJwt(this.subject, List.of(scopes), this.claims, this.timeToLive);
    }

    /**
     * @param name a claim of the application's own, none that the issuer sets ({@code sub}, {@code exp}, {@code iss},
     * {@code aud}, the scope claim, ...)
     * @param value its JSON value
     * @return a copy with the claim
     */
    public PadlockJwt claim(String name, Object value) {
        Map<String, Object> claims = new LinkedHashMap<>(this.claims);
        claims.put(name, value);
        return new PadlockJwt(this.subject, this.scopes, claims, this.timeToLive);
    }

    /**
     * @param timeToLive how long the token is valid, at least a second
     * @return a copy with this lifetime
     */
    public PadlockJwt expiresIn(Duration timeToLive) {
        return new PadlockJwt(this.subject, this.scopes, this.claims, timeToLive);
    }

    /**
     * @param beans the application's beans
     * @return the signed token, compact
     */
    String sign(ListableBeanFactory beans) {
        return issuer(beans).issue(this.subject, this.scopes, this.timeToLive, this.claims).value();
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + sign(KitBeans.of(request)));
        return request;
    }

    private static JwtIssuer issuer(ListableBeanFactory beans) {
        JwtIssuer issuer = beans.getBeanProvider(JwtIssuer.class).getIfUnique();
        if (issuer != null) {
            return issuer;
        }
        JwtSettings settings = beans.getBeanProvider(JwtSettings.class).getIfUnique();
        if (settings == null) {
            throw new IllegalStateException("The application has no JWT settings to sign with: set padlock.jwt.secret "
                    + "(or padlock.jwt.private-key) for the test, or declare a JwtSettings bean");
        }
        try {
            return new JwtIssuer(settings);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("The application verifies JWTs with a public key only, so the kit cannot "
                    + "sign one: give the test padlock.jwt.private-key, paired with padlock.jwt.public-key, or a "
                    + "padlock.jwt.secret in place of both", ex);
        }
    }
}
