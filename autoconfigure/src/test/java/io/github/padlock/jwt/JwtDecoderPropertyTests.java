package io.github.padlock.jwt;

import java.util.List;

import io.github.padlock.HostileInput;
import io.github.padlock.NotAuthenticatedException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static io.github.padlock.jwt.JwtTestSupport.CHALLENGE;
import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.base64Url;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.hs256;
import static io.github.padlock.jwt.JwtTestSupport.publicPem;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT front door, {@link JwtDecoder#decode(String)} for an HS256 secret and an RS256 public key, under
 * {@link HostileInput#tries()} (at least 10,000) generated tokens each: arbitrary strings up to 64 KiB, three
 * base64url parts of random bytes, hand-made headers ({@code alg} none in any casing, other algorithms, {@code kid},
 * {@code crit}, {@code jku}) over random or real claims, and mutations of the valid tokens (a character changed,
 * removed or added, parts swapped or cut, the signature respelt in non-canonical base64url).
 * <ol>
 * <li>Every refusal is exactly the 401 {@code invalid_token} with the generic challenge, never another exception.</li>
 * <li>Only the valid token itself is accepted, by the decoder whose key signed it.</li>
 * <li>No refusal carries the token or a part of it.</li>
 * </ol>
 */
class JwtDecoderPropertyTests {

    private static final List<String> ALGS = List.of("none", "None", "NONE", "nOnE", "HS256", "HS384", "HS512",
            "RS256", "PS256", "ES256", "EdDSA", "Ed25519", "", "hs256", "RS256 ", "HS256\u0000");

    private final JwtDecoder hs = new JwtDecoder(JwtSettings.builder().secret(SECRET).build());

    private final JwtDecoder rs = new JwtDecoder(anyAudience().publicKey(publicPem(RSA)).build());

    private final String hsToken = hs256(claims().build());

    private final String rsToken = rs256(RSA, claims().build());

    @Test
    void decodeWhenHostileTokensThenOnlyTheValidTokenIsAcceptedAndEveryRefusalIsInvalidToken() {
        HostileInput.Outcomes outcomes = HostileInput.check("JwtDecoder", (attempt) -> {
            HostileInput in = attempt.input();
            String token = token(in);
            attempt.describe(token);
            verify(attempt, "HS256", this.hs, token, this.hsToken);
            verify(attempt, "RS256", this.rs, token, this.rsToken);
        });
        assertThat(outcomes.get("HS256 accepted")).isPositive();
        assertThat(outcomes.get("RS256 accepted")).isPositive();
    }

    private static void verify(HostileInput.Try attempt, String label, JwtDecoder decoder, String token,
            String valid) {
        try {
            JwtPrincipal principal = decoder.decode(token);
            attempt.count(label + " accepted");
            assertThat(token).as("accepted only the valid token itself").isEqualTo(valid);
            assertThat(principal.subject()).isEqualTo("johndoe");
        }
        catch (NotAuthenticatedException ex) {
            attempt.count(label + " 401");
            assertThat(token).as("the valid token").isNotEqualTo(valid);
            assertThat(ex.getClass()).isEqualTo(NotAuthenticatedException.class);
            assertThat(ex.getStatusCode().value()).isEqualTo(401);
            assertThat(ex.getBody().getDetail()).isEqualTo("Invalid token");
            assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(CHALLENGE);
            String everything = ex.getMessage() + "|" + ex.getBody() + "|" + ex.getHeaders() + "|" + ex.getCause();
            for (String part : token.split("\\.")) {
                if (part.length() >= 8) {
                    assertThat(everything).doesNotContain(part);
                }
            }
        }
    }

    private String token(HostileInput in) {
        String valid = in.chance(50) ? this.hsToken : this.rsToken;
        String[] parts = valid.split("\\.");
        int kind = in.nextInt(100);
        if (kind < 8) {
            return valid;
        }
        if (kind < 25) {
            return in.text();
        }
        if (kind < 40) {
            return randomBase64Url(in) + "." + randomBase64Url(in) + "." + randomBase64Url(in);
        }
        if (kind < 60) {
            String alg = in.oneOf(ALGS);
            String header = switch (in.nextInt(6)) {
                case 0 -> "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
                case 1 -> "{\"alg\":\"" + alg + "\",\"kid\":\"" + in.oneOf(List.of("../../etc/passwd", "' OR 1=1 --",
                        "\u0000", in.text(in.nextInt(20)))) + "\"}";
                case 2 -> "{\"alg\":\"" + alg + "\",\"crit\":[\"exp\"],\"exp\":1}";
                case 3 -> "{\"alg\":\"" + alg + "\",\"jku\":\"http://127.0.0.1:1/jwks\"}";
                case 4 -> "{\"alg\":" + in.oneOf(List.of("42", "null", "[]", "{}", "\"HS256\",\"alg\":\"none\"")) + "}";
                default -> in.text(in.nextInt(60));
            };
            String payload = in.chance(60) ? new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                    java.nio.charset.StandardCharsets.UTF_8) : in.text(in.nextInt(100));
            String signature = switch (in.nextInt(4)) {
                case 0 -> "";
                case 1 -> parts[2];
                default -> randomBase64Url(in);
            };
            return base64Url(header) + "." + base64Url(payload) + "." + signature;
        }
        int last = parts[2].length() - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return switch (in.nextInt(12)) {
            case 0, 1, 2, 3 -> in.nearMiss(valid);
            case 4 -> parts[0] + "." + parts[1] + "." + parts[2].substring(0, last)
                    + alphabet.charAt(alphabet.indexOf(parts[2].charAt(last)) | (1 + in.nextInt(3)));
            case 5 -> valid + in.oneOf(List.of("=", "==", ".", "..", " ", "\u0000", "\t"));
            case 6 -> parts[1] + "." + parts[0] + "." + parts[2];
            case 7 -> parts[0] + "." + parts[1] + (in.chance(50) ? "." : "");
            case 8 -> in.insert(valid, in.hostileSpace());
            case 9 -> (valid.equals(this.hsToken) ? this.rsToken : this.hsToken).substring(0,
                    (valid.equals(this.hsToken) ? this.rsToken : this.hsToken).lastIndexOf('.')) + "." + parts[2];
            case 10 -> base64Url("{\"alg\":\"" + in.oneOf(ALGS) + "\"}") + "." + parts[1] + "." + parts[2];
            default -> parts[0] + "." + base64Url(in.text(in.nextInt(200))) + "." + parts[2];
        };
    }

    private static String randomBase64Url(HostileInput in) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(in.bytes(in.nextInt(300)));
    }
}
