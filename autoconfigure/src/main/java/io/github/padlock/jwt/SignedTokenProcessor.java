package io.github.padlock.jwt;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.text.ParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

/**
 * nimbus-jose-jwt's {@link DefaultJWTProcessor#process(com.nimbusds.jwt.SignedJWT, SecurityContext)} for a compact
 * JWS (RFC 7515 §7.1), step for step and with nimbus's own parts — {@link JOSEObject#split}, {@link JWSHeader#parse},
 * the type verifier, {@link JSONObjectUtils#parse} and {@link JWTClaimsSet#parse} for the claims, the key selector,
 * the verifier factory and its {@link JWSVerifier}, the claims verifier — in nimbus's order (type, claims read, keys,
 * signature with each key in turn, claims checked), with three differences, the first two for speed on the first
 * check of a token:
 * <ul>
 * <li><b>A known header is not parsed again.</b> The tokens of an issuer share their header ({@code alg}, {@code typ},
 * {@code kid}: the same base64url text, token after token), and parsing it, with nimbus's constant-time base64 decoder,
 * was about a third of a token's check. The parsed {@link JWSHeader} (immutable) of a token whose signature verified is
 * kept under its exact base64url text, at most {@value #MAX_HEADERS} of them, and a token whose header is that same
 * text gets the same header object — what parsing that text again would give. Only a verified signature adds a header,
 * so forged tokens can neither fill the table nor put a header in it; once it is full, other headers are parsed every
 * time, as before.</li>
 * <li><b>The payload's base64url</b> is decoded by the JDK's decoder, not nimbus's constant-time one (spent keeping
 * secret key material from timing attacks, which a token's public claims do not need): for every token that
 * {@link CompactJws} lets through, both give the same bytes (base64url characters only, no length that leaves a lone
 * character, unused bits ignored by both).</li>
 * <li><b>{@code sub} must be a JSON string</b> ({@link SubjectClaim}), checked on the parsed JSON before nimbus's claims
 * set turns a numeric {@code sub} into a string; and {@code exp}, {@code nbf} and {@code iat} must be NumericDates
 * no later than the year 9999 ({@link NumericDateClaims}), before nimbus's claims set overflows them, and never
 * {@code null}; a header with {@code b64: false} (RFC 7797's unencoded payload, which nimbus's verifier accepts as
 * understood) is refused, since the payload is read as base64url as RFC 7519 §7.2 says.</li>
 * </ul>
 * The signing input is the token's first two parts as sent (RFC 7515 §5.2), as {@code JWSObject#getSigningInput()}
 * gives it. Thread-safe.
 */
final class SignedTokenProcessor {

    /** The most headers kept: an issuer has one per signing key and algorithm. */
    static final int MAX_HEADERS = 32;

    private final JOSEObjectTypeVerifier<SecurityContext> typeVerifier;

    private final JWSKeySelector<SecurityContext> keySelector;

    private final JWSVerifierFactory verifierFactory;

    private final JWTClaimsSetVerifier<SecurityContext> claimsVerifier;

    private final Map<String, JWSHeader> headers = new ConcurrentHashMap<>();

    SignedTokenProcessor(JOSEObjectTypeVerifier<SecurityContext> typeVerifier,
            JWSKeySelector<SecurityContext> keySelector, JWSVerifierFactory verifierFactory,
            JWTClaimsSetVerifier<SecurityContext> claimsVerifier) {
        this.typeVerifier = typeVerifier;
        this.keySelector = keySelector;
        this.verifierFactory = verifierFactory;
        this.claimsVerifier = claimsVerifier;
    }

    /**
     * @param token a compact JWS that {@link CompactJws#isAcceptable} accepted
     * @return its claims, once its type, signature and claims passed every check
     * @throws ParseException when it is not a JWS, or its header or claims are not what RFC 7515 and RFC 7519 say
     * @throws BadJOSEException when a check refused it
     * @throws JOSEException when its signature could not be checked
     */
    JWTClaimsSet process(String token) throws ParseException, BadJOSEException, JOSEException {
        Base64URL[] parts = JOSEObject.split(token);
        if (parts.length != 3) {
            throw new ParseException("Not a JWS", 0);
        }
        String headerText = parts[0].toString();
        JWSHeader known = this.headers.get(headerText);
        JWSHeader header = (known != null) ? known : parseHeader(parts[0]);
        if (!header.isBase64URLEncodePayload()) {
            // RFC 7797's unencoded payload: a JWT's claims are base64url (RFC 7519 §7.2), and the payload is read so.
            throw new BadJOSEException("Signed JWT rejected: b64 false");
        }
        this.typeVerifier.verify(header.getType(), null);
        JWTClaimsSet claims = claims(parts[1]);
        List<? extends Key> keys = this.keySelector.selectJWSKeys(header, null);
        if (keys == null || keys.isEmpty()) {
            throw new BadJOSEException("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
        }
        byte[] signingInput = (headerText + '.' + parts[1]).getBytes(StandardCharsets.UTF_8);
        Iterator<? extends Key> candidates = keys.iterator();
        while (candidates.hasNext()) {
            JWSVerifier verifier = this.verifierFactory.createJWSVerifier(header, candidates.next());
            if (verifier == null) {
                continue;
            }
            if (verified(verifier, header, signingInput, parts[2])) {
                if (known == null && this.headers.size() < MAX_HEADERS) {
                    this.headers.putIfAbsent(headerText, header);
                }
                this.claimsVerifier.verify(claims, null);
                return claims;
            }
            if (!candidates.hasNext()) {
                throw new BadJWSException("Signed JWT rejected: Invalid signature");
            }
        }
        throw new BadJOSEException("JWS object rejected: No matching verifier(s) found");
    }

    /** {@return how many headers are kept} */
    int knownHeaders() {
        return this.headers.size();
    }

    private static JWSHeader parseHeader(Base64URL encoded) throws ParseException {
        try {
            return JWSHeader.parse(encoded);
        }
        catch (ParseException ex) {
            throw new ParseException("Invalid JWS header: " + ex.getMessage(), 0);
        }
    }

    /** {@code JWSObject#verify}: any exception but a {@link JOSEException} becomes one. */
    private static boolean verified(JWSVerifier verifier, JWSHeader header, byte[] signingInput, Base64URL signature)
            throws JOSEException {
        try {
            return verifier.verify(header, signingInput, signature);
        }
        catch (JOSEException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new JOSEException(ex.getMessage(), ex);
        }
    }

    private static JWTClaimsSet claims(Base64URL payload) throws BadJWTException {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(payload.toString()),
                    StandardCharsets.UTF_8));
        }
        catch (ParseException | IllegalArgumentException ex) {
            throw new BadJWTException("Invalid payload", ex);
        }
        if (!SubjectClaim.isValid(json.get(JWTClaimNames.SUBJECT))) {
            throw new BadJWTException("Missing or invalid sub");
        }
        if (!NumericDateClaims.areValid(json)) {
            throw new BadJWTException("Missing exp, or exp, nbf or iat not a number in range");
        }
        try {
            return JWTClaimsSet.parse(json);
        }
        catch (ParseException ex) {
            throw new BadJWTException("Invalid claims", ex);
        }
    }
}
