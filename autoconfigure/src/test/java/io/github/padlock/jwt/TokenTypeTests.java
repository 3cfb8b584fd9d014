package io.github.padlock.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.macSigner;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code typ} header ({@link TokenType}): a media type compared case-insensitively and with {@code application/}
 * understood (RFC 7515 §4.1.9); required and exact with the {@code type} setting (RFC 8725 §3.11, RFC 9068 §2.1);
 * absent, {@code JWT} or {@code at+jwt} without it. Every refusal is the usual 401 {@code invalid_token}.
 */
class TokenTypeTests {

    private final JwtDecoder unset = new JwtDecoder(JwtSettings.builder().secret(SECRET).build());

    private final JwtDecoder accessTokens = new JwtDecoder(JwtSettings.builder().secret(SECRET).type("at+jwt").build());

    @Test
    void decodeWhenTypeNotSetThenTypAbsentJwtOrAccessTokenAccepted() {
        for (String typ : Arrays.asList(null, "JWT", "jwt", "application/jwt", "at+jwt", "AT+JWT", "application/at+jwt",
                "Application/At+Jwt")) {
            assertThat(this.unset.decode(token(typ)).subject()).as(String.valueOf(typ)).isEqualTo("johndoe");
        }
    }

    @Test
    void decodeWhenTypeNotSetAndTypIsAnotherTypeThenInvalidToken() {
        for (String typ : List.of("secevent+jwt", "dpop+jwt", "JOSE", "application/json", "", " JWT", "JWT ",
                "JWT; x=1", "text/jwt", "application/at+jwt/x")) {
            String token = token(typ);
            assertInvalidToken(() -> this.unset.decode(token), token);
        }
    }

    @Test
    void decodeWhenTypeSetThenTypMustNameItInAnyCaseWithOrWithoutApplication() {
        for (String typ : List.of("at+jwt", "AT+JWT", "At+Jwt", "application/at+jwt", "APPLICATION/AT+JWT")) {
            assertThat(this.accessTokens.decode(token(typ)).subject()).as(typ).isEqualTo("johndoe");
        }
        JwtDecoder configuredWithPrefix = new JwtDecoder(JwtSettings.builder().secret(SECRET)
            .type("Application/AT+JWT")
            .build());
        assertThat(configuredWithPrefix.decode(token("at+jwt")).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenTypeSetAndTypAbsentOrAnotherThenInvalidToken() {
        for (String typ : Arrays.asList(null, "JWT", "application/jwt", "at+jwt ", " at+jwt", "at+jwt;v=1", "x-at+jwt",
                "at+jwtx", "application/at+jwt/x", "text/at+jwt", "\u0430t+jwt", "at+jwt\u0000")) {
            String token = token(typ);
            assertInvalidToken(() -> this.accessTokens.decode(token), token);
        }
    }

    @Test
    void decodeWhenTypLooksLikeTheTypeInUnicodeCaseFoldingThenInvalidToken() {
        // String.equalsIgnoreCase, which nimbus's JOSEObjectType compares with, takes U+017F for an s.
        assertThat("\u017Fecevent+jwt".equalsIgnoreCase("secevent+jwt")).isTrue();
        JwtDecoder events = new JwtDecoder(JwtSettings.builder().secret(SECRET).type("secevent+jwt").build());
        assertThat(events.decode(token("secevent+jwt")).subject()).isEqualTo("johndoe");
        String token = token("\u017Fecevent+jwt");
        assertInvalidToken(() -> events.decode(token), token);
    }

    @Test
    void buildWhenTypeIsNoMediaTypeThenRefusedNamingType() {
        for (String type : List.of("at+jwt; charset=utf-8", "at jwt", "/at+jwt", "application/", "a/b/c",
                "\u017Fecevent+jwt", "at+jwt,JWT")) {
            assertThatIllegalArgumentException().isThrownBy(() -> JwtSettings.builder().secret(SECRET).type(type)
                .build()).withMessage("type: must be a media type without parameters, such as at+jwt");
        }
        assertThat(JwtSettings.builder().secret(SECRET).type(" ").build().toString()).contains("type=null");
    }

    @Test
    void issueWhenTypeSetThenTokensCarryItWithoutApplicationAndDecode() throws Exception {
        for (String type : List.of("at+jwt", "application/at+jwt")) {
            JwtSettings settings = JwtSettings.builder().secret(SECRET).type(type).build();
            String token = new JwtIssuer(settings).issue("johndoe", List.of("items:read"), Duration.ofMinutes(5))
                .value();
            assertThat(SignedJWT.parse(token).getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
            assertThat(SignedJWT.parse(token).getHeader().getType().getType()).isEqualTo("at+jwt");
            assertThat(new JwtDecoder(settings).decode(token).subject()).isEqualTo("johndoe");
        }
        String unset = new JwtIssuer(JwtSettings.builder().secret(SECRET).build())
            .issue("johndoe", List.of(), Duration.ofMinutes(5))
            .value();
        assertThat(SignedJWT.parse(unset).getHeader().getType().getType()).isEqualTo("JWT");
    }

    private static String token(String typ) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        return sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)), header.build(), claims().build());
    }
}
