package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.MACProvider;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * nimbus-jose-jwt's {@link MACVerifier} for one shared secret, with initialised {@link Mac}s kept in a {@link Pool}:
 * nimbus's looks the HMAC up in the JCA providers ({@code Mac.getInstance}, a reflective construction) and keys it
 * ({@code Mac.init}) for every token. Everything else is nimbus's: its algorithm names and minimum key lengths
 * ({@link MACProvider}), its check of the {@code crit} header ({@link CriticalHeaderParamsDeferral}), the order in
 * which {@link MACVerifier#verify} applies them; nimbus still parses the token, selects the key and checks the claims.
 * The signature is compared in constant time ({@link MessageDigest#isEqual}), decoded by the JDK's base64url decoder
 * rather than nimbus's constant-time one, since a token's signature is no secret. Thread-safe.
 */
final class PooledMacVerifier implements JWSVerifier, CriticalHeaderParamsAware {

    private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();

    private final JCAContext jcaContext = new JCAContext();

    /** A pool per HMAC algorithm the secret is long enough for (RFC 7518 §3.2). */
    private final Map<JWSAlgorithm, Pool<Workspace>> pools;

    /**
     * @param secretKey the shared secret
     * @throws IllegalArgumentException when it is shorter than HS256 needs, or the JDK has no HMAC
     */
    PooledMacVerifier(SecretKey secretKey) {
        int bits = secretKey.getEncoded().length * 8;
        Map<JWSAlgorithm, Pool<Workspace>> pools = new LinkedHashMap<>();
        for (JWSAlgorithm algorithm : MACProvider.getCompatibleAlgorithms(bits)) {
            Mac prototype = initialised(jcaName(algorithm), secretKey);
            pools.put(algorithm, new Pool<>(() -> new Workspace(copyOf(prototype, secretKey))));
        }
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("The JWT secret is not a usable HMAC key");
        }
        this.pools = Map.copyOf(pools);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        Pool<Workspace> pool = this.pools.get(header.getAlgorithm());
        if (pool == null) {
            // MACVerifier's refusal: an algorithm that is not HMAC, or a secret shorter than it needs.
            throw new JOSEException("Unsupported HMAC algorithm or secret too short for " + header.getAlgorithm());
        }
        if (!this.critPolicy.headerPasses(header)) {
            return false;
        }
        byte[] presented;
        try {
            // The JDK's decoder: the same bytes as nimbus's for the canonical base64url that CompactJws requires.
            presented = Base64.getUrlDecoder().decode(signature.toString());
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        Workspace workspace = pool.acquire();
        try {
            return workspace.matches(signingInput, presented);
        }
        finally {
            pool.release(workspace);
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return this.pools.keySet();
    }

    @Override
    public JCAContext getJCAContext() {
        return this.jcaContext;
    }

    @Override
    public Set<String> getProcessedCriticalHeaderParams() {
        return this.critPolicy.getProcessedCriticalHeaderParams();
    }

    @Override
    public Set<String> getDeferredCriticalHeaderParams() {
        return this.critPolicy.getDeferredCriticalHeaderParams();
    }

    /** nimbus's JCA names for HS256, HS384 and HS512 ({@code MACProvider.getJCAAlgorithmName}). */
    private static String jcaName(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return "HMACSHA256";
        }
        return JWSAlgorithm.HS384.equals(algorithm) ? "HMACSHA384" : "HMACSHA512";
    }

    private static Mac initialised(String name, SecretKey secretKey) {
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(secretKey);
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("The JWT secret is not a usable " + name + " key", ex);
        }
    }

    /** A copy of the keyed prototype, which is never used itself: only read, by {@link Mac#clone()}. */
    private static Mac copyOf(Mac prototype, SecretKey secretKey) {
        try {
            return (Mac) prototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            return initialised(prototype.getAlgorithm(), secretKey);
        }
    }

    /** A keyed {@link Mac} and the buffer its result is written to. */
    private static final class Workspace {

        private final Mac mac;

        private final byte[] computed;

        Workspace(Mac mac) {
            this.mac = mac;
            this.computed = new byte[mac.getMacLength()];
        }

        /**
         * @param signingInput what the signature covers (RFC 7515 §5.2)
         * @param presented the token's signature, decoded
         * @return whether the HMAC of the signing input is the signature, compared in constant time
         */
        boolean matches(byte[] signingInput, byte[] presented) {
            try {
                this.mac.update(signingInput);
                this.mac.doFinal(this.computed, 0);
                return MessageDigest.isEqual(this.computed, presented);
            }
            catch (ShortBufferException ex) {
                throw new IllegalStateException("The buffer holds the MAC's length", ex);
            }
            finally {
                // doFinal resets the Mac; an exception before it must not leave input behind for the next token.
                this.mac.reset();
                Arrays.fill(this.computed, (byte) 0);
            }
        }
    }
}
