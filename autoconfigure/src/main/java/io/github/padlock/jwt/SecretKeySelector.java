package io.github.padlock.jwt;

import java.security.Key;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

/**
 * The key of a shared secret, for the configured HMAC algorithms only, built once: what nimbus's
 * {@code JWSVerificationKeySelector} over an {@code ImmutableSecret} would select for every token, without turning the
 * secret into a JWK, matching it against the header and exporting it again on each token. A {@code kid} cannot choose
 * among one key, so it is not looked at.
 */
final class SecretKeySelector implements JWSKeySelector<SecurityContext> {

    private final Set<JWSAlgorithm> algorithms;

    private final List<Key> keys;

    SecretKeySelector(List<JWSAlgorithm> algorithms, SecretKey key) {
        this.algorithms = Set.copyOf(algorithms);
        this.keys = List.of(key);
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, @Nullable SecurityContext context) {
        return this.algorithms.contains(header.getAlgorithm()) ? this.keys : List.of();
    }
}
