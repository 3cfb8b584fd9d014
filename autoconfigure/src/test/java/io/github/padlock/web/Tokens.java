package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * JWTs for the hostile tests, signed by nimbus (with the application's secret or another one) or put together by
 * hand, so that each is wrong in exactly one way.
 */
final class Tokens {

    /** {@code padlock.jwt.secret} of {@code hostile.yml}. */
    static final String SECRET = "hostile-tests-secret-with-more-than-32-bytes!";

    static final String OTHER_SECRET = "another-secret-of-at-least-thirty-two-bytes!";

    static final String ISSUER = "padlock-hostile";

    private Tokens() {
    }

    /** A token Padlock accepts for this subject: the application's secret and issuer, valid for an hour. */
    static String valid(String subject) {
        return sign(SECRET, claims(subject).build(), new JWSHeader.Builder(JWSAlgorithm.HS256));
    }

    static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject)
            .issuer(ISSUER)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    static String sign(String secret, JWTClaimsSet claims, JWSHeader.Builder header) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String withSecret(String secret, JWTClaimsSet claims) {
        return sign(secret, claims, new JWSHeader.Builder(JWSAlgorithm.HS256));
    }

    static String expired(String subject) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return withSecret(SECRET, claims(subject).issueTime(Date.from(past))
            .expirationTime(Date.from(past.plus(Duration.ofMinutes(30))))
            .build());
    }

    static String notYetValid(String subject) {
        return withSecret(SECRET, claims(subject).notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
            .build());
    }

    static String wrongType(String subject) {
        return sign(SECRET, claims(subject).build(),
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt")));
    }

    static String unknownCritical(String subject) {
        return sign(SECRET, claims(subject).build(), new JWSHeader.Builder(JWSAlgorithm.HS256)
            .criticalParams(Set.of("x-padlock-unknown"))
            .customParam("x-padlock-unknown", true));
    }

    /** {@code alg: <alg>} with no signature: the classic {@code none} forgery. */
    static String unsigned(String alg, String subject) {
        return b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(claims(subject).build().toString()) + ".";
    }

    /** The header and claims of a valid token for {@code subject}, with the signature of {@code other}'s. */
    static String swappedSignature(String subject, String other) {
        String[] token = valid(subject).split("\\.");
        return token[0] + "." + token[1] + "." + valid(other).split("\\.")[2];
    }

    /** A valid token whose header says RS256: the algorithm-confusion forgery. */
    static String algorithmConfusion(String subject) {
        String[] token = valid(subject).split("\\.");
        return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + token[1] + "." + token[2];
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
