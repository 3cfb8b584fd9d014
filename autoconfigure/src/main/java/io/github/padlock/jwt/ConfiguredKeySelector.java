package io.github.padlock.jwt;

import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * nimbus's selector for the configured algorithms and public keys (or JWK Set), with three changes. Among configured
 * keys without ids (PEM keys), a token's {@code kid} cannot choose, so it is left out of the match rather than
 * refusing every token that carries one. An EC key on another curve than the algorithm's is left out, since nimbus
 * stops at the first key whose verifier refuses the algorithm instead of trying the next. And for EdDSA, whose JWKs
 * nimbus cannot export to a {@link Key} and so would drop, the matching Ed25519 JWKs are handed on as the JDK's
 * {@link EdECPublicKey} ({@link Ed25519Keys#javaKeys}), for {@link VerifierFactory}.
 */
final class ConfiguredKeySelector extends JWSVerificationKeySelector<SecurityContext> {

    private final boolean ignoreKeyId;

    /**
     * @param algorithms the algorithms accepted
     * @param source the configured keys, or the JWK Set URL's
     * @param ignoreKeyId whether no configured key has an id, so that a token's {@code kid} cannot choose
     */
    ConfiguredKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source, boolean ignoreKeyId) {
        super(algorithms, source);
        this.ignoreKeyId = ignoreKeyId;
    }

    @Override
    protected JWKMatcher createJWKMatcher(JWSHeader header) {
        return super.createJWKMatcher(this.ignoreKeyId
                ? new JWSHeader.Builder(header).keyID(null).x509CertSHA256Thumbprint(null).build() : header);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (JWSAlgorithm.Family.ED.contains(header.getAlgorithm())) {
            // What nimbus's selectJWSKeys does for the other algorithms — only an allowed algorithm, only the keys
            // its matcher picks — keeping the Ed25519 keys that nimbus's own conversion would drop.
            if (!isAllowed(header.getAlgorithm())) {
                return List.of();
            }
            return Ed25519Keys.javaKeys(getJWKSource().get(new JWKSelector(createJWKMatcher(header)), context));
        }
        Set<Curve> curves = Curve.forJWSAlgorithm(header.getAlgorithm());
        return super.selectJWSKeys(header, context).stream()
            .filter((key) -> !(key instanceof ECPublicKey ec) || curves.contains(Curve.forECParameterSpec(
                    ec.getParams())))
            .toList();
    }
}
