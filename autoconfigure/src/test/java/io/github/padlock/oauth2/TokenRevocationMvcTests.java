package io.github.padlock.oauth2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jwt.JwtPrincipal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation (RFC 7009) and refresh tokens (RFC 6749 §6, RFC 9700 §4.14) end to end through MockMvc, with the
 * in-memory store and the verified-token cache on: a revoked access token is refused from its next request on, cached
 * or not, exactly as any invalid token; only a token Padlock verifies revokes anything; refresh tokens rotate, and a
 * reused one revokes its family.
 */
@SpringBootTest(classes = TokenRevocationMvcTests.RevocationApplication.class, properties = {
        "padlock.schemes.oauth2.type=oauth2-password-bearer",
        "padlock.schemes.oauth2.scopes.[items\\:read]=Read items.",
        "padlock.schemes.oauth2.scopes.[items\\:write]=Write items.",
        "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
        "padlock.jwt.secret=" + TokenRevocationMvcTests.SECRET, "padlock.jwt.issuer=padlock-tests",
        "padlock.token-endpoint.enabled=true", "padlock.token-endpoint.refresh-tokens.enabled=true" })
@AutoConfigureMockMvc
class TokenRevocationMvcTests {

    static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-long!";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private Users users;

    @BeforeEach
    void stanley() {
        this.users.put(new StoredUser("stanley", "{noop}password123", List.of("items:read", "items:write"), false));
    }

    @Test
    void tokenWhenIssuedThenCarriesARandomJtiOf128BitsInBase64url() {
        String first = accessToken(password(""));
        String second = accessToken(password(""));
        String jti = claim(first, "jti");
        assertThat(jti).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(claim(second, "jti"));
    }

    @Test
    void revokeWhenAccessTokenRevokedThenRefusedAsAnyInvalidTokenEvenWhenCached() throws Exception {
        String token = accessToken(password(""));
        assertThat(me(token)).hasStatusOk();
        assertThat(me(token)).as("cached now").hasStatusOk();
        MvcTestResult revoked = revoke("token=" + token);
        assertThat(revoked).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(revoked.getResponse().getContentAsString()).isEmpty();
        MvcTestResult refused = me(token);
        MvcTestResult garbage = me(token.substring(0, token.length() - 4) + "AAAA");
        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"Invalid token\"");
        assertThat(refused.getResponse().getContentAsString())
            .isEqualTo(garbage.getResponse().getContentAsString());
        assertThat(refused.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
            .isEqualTo(garbage.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE));
        assertThat(revoke("token=" + token)).as("already revoked").hasStatusOk();
        assertThat(me(accessToken(password("")))).as("another token of the user").hasStatusOk();
    }

    @Test
    void revokeWhenUnknownForgedOrExpiredThenOkAndNothingRevoked() throws Exception {
        String token = accessToken(password(""));
        String jti = claim(token, "jti");
        String forged = jwt("another-secret-of-at-least-thirty-two-bytes!", jti, Instant.now().plusSeconds(600));
        String expired = jwt(SECRET, jti, Instant.now().minusSeconds(3600));
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        for (String presented : List.of(forged, expired, unsigned, "not-a-token", "a.b.c", "x".repeat(5000))) {
            assertThat(revoke("token=" + presented)).as(presented).hasStatusOk()
                .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        assertThat(revoke("token=" + forged + "&token_type_hint=access_token")).hasStatusOk();
        assertThat(revoke("token=" + expired + "&token_type_hint=whatever")).hasStatusOk();
        assertThat(me(token)).as("the token whose jti they carry").hasStatusOk();
    }

    @Test
    void revokeWhenHintIsWrongOrUnknownThenTheTokenIsRevokedAnyway() {
        String token = accessToken(password(""));
        assertThat(revoke("token=" + token + "&token_type_hint=refresh_token")).hasStatusOk();
        assertThat(me(token)).hasStatus(HttpStatus.UNAUTHORIZED);
        String other = accessToken(password(""));
        assertThat(revoke("token_type_hint=unsupported&token=" + other)).hasStatusOk();
        assertThat(me(other)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void revokeWhenFormMalformedThenInvalidRequestNever500() throws Exception {
        for (String body : List.of("", "token_type_hint=access_token", "token=", "token=a&token=b",
                "token=abc%0D%0A", "token=abc%00", "token=%E0%A4%A")) {
            MvcTestResult result = revoke(body);
            assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST)
                .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
            assertThat(result).bodyJson().extractingPath("$.error_description").asString().startsWith("Invalid request");
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(revoke("")).bodyJson().extractingPath("$.errors[0].field").isEqualTo("token");
        assertThat(this.mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refreshWhenPresentedThenRotatedToANewPairOfTheSameFamily() {
        MvcTestResult first = password("");
        assertThat(first).hasStatusOk();
        String refreshToken = field(first, "refresh_token");
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        String family = claim(field(first, "access_token"), "sid");
        MvcTestResult second = refresh(refreshToken, "");
        assertThat(second).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(field(second, "refresh_token")).isNotEqualTo(refreshToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(claim(field(second, "access_token"), "sid")).isEqualTo(family);
        assertThat(field(second, "scope")).isEqualTo("items:read items:write");
        assertThat(me(field(second, "access_token"))).hasStatusOk();
        MvcTestResult narrowed = refresh(field(second, "refresh_token"), "&scope=items:read");
        assertThat(narrowed).hasStatusOk();
        assertThat(field(narrowed, "scope")).isEqualTo("items:read");
        MvcTestResult wider = refresh(field(narrowed, "refresh_token"), "&scope=items:read%20admin");
        assertThat(wider).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wider).bodyJson().extractingPath("$.error").isEqualTo("invalid_scope");
        assertThat(refresh(field(narrowed, "refresh_token"), "")).as("not used by the refused request")
            .hasStatusOk();
    }

    @Test
    void refreshWhenReusedThenTheWholeFamilyIsRevoked() {
        MvcTestResult first = password("");
        String initialAccess = field(first, "access_token");
        String stolen = field(first, "refresh_token");
        MvcTestResult rotated = refresh(stolen, "");
        String newAccess = field(rotated, "access_token");
        String newRefresh = field(rotated, "refresh_token");
        MvcTestResult other = password("");
        assertThat(me(newAccess)).hasStatusOk();
        MvcTestResult reused = refresh(stolen, "");
        assertThat(reused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(reused).bodyJson().extractingPath("$.error").isEqualTo("invalid_grant");
        assertThat(me(newAccess)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(me(initialAccess)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(newRefresh, "")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(me(field(other, "access_token"))).as("another family").hasStatusOk();
        assertThat(refresh(field(other, "refresh_token"), "")).hasStatusOk();
    }

    @Test
    void revokeWhenRefreshTokenThenItsFamilyIsRevoked() {
        MvcTestResult first = password("");
        MvcTestResult rotated = refresh(field(first, "refresh_token"), "");
        assertThat(revoke("token=" + field(first, "refresh_token") + "&token_type_hint=refresh_token"))
            .as("a used token of the family").hasStatusOk();
        assertThat(me(field(first, "access_token"))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(me(field(rotated, "access_token"))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(field(rotated, "refresh_token"), "")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult other = password("");
        assertThat(revoke("token=" + field(other, "refresh_token"))).hasStatusOk();
        assertThat(me(field(other, "access_token"))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refreshWhenUnknownOrMalformedThenInvalidGrantOrInvalidRequest() {
        MvcTestResult unknown = refresh("bm90LWEtcmVmcmVzaC10b2tlbi1rbm93bi10by1wYWRsb2Nr", "");
        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknown).bodyJson().extractingPath("$.error").isEqualTo("invalid_grant");
        assertThat(unknown).bodyJson().extractingPath("$.error_description")
            .isEqualTo(TokenErrors.INVALID_REFRESH_TOKEN);
        for (String body : List.of("grant_type=refresh_token", "grant_type=refresh_token&refresh_token=a&refresh_token=b",
                "grant_type=refresh_token&refresh_token=a%0A", "grant_type=refresh_token&grant_type=refresh_token"
                        + "&refresh_token=a")) {
            MvcTestResult result = token(body);
            assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        }
        MvcTestResult other = token("grant_type=client_credentials");
        assertThat(other).bodyJson().extractingPath("$.error").isEqualTo("unsupported_grant_type");
        assertThat(other).bodyJson().extractingPath("$.error_description")
            .isEqualTo("Only the password and refresh_token grant types are supported");
    }

    @Test
    void refreshWhenUserDisabledOrDeletedThenInvalidGrantAndTheFamilyRevoked() {
        MvcTestResult first = password("");
        this.users.put(new StoredUser("stanley", "{noop}password123", List.of("items:read"), true));
        assertThat(refresh(field(first, "refresh_token"), "")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.error").isEqualTo("invalid_grant");
        stanley();
        assertThat(refresh(field(first, "refresh_token"), "")).as("the family stays revoked")
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(me(field(first, "access_token"))).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult second = password("");
        this.users.remove("stanley");
        assertThat(refresh(field(second, "refresh_token"), "")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refreshWhenUserLostAScopeThenTheNewAccessTokenLosesIt() {
        MvcTestResult first = password("");
        this.users.put(new StoredUser("stanley", "{noop}password123", List.of("items:read"), false));
        MvcTestResult refreshed = refresh(field(first, "refresh_token"), "");
        assertThat(refreshed).hasStatusOk();
        assertThat(field(refreshed, "scope")).isEqualTo("items:read");
    }

    private MvcTestResult password(String extra) {
        return token("grant_type=password&username=stanley&password=password123" + extra);
    }

    private MvcTestResult refresh(String refreshToken, String extra) {
        return token("grant_type=refresh_token&refresh_token=" + refreshToken + extra);
    }

    private MvcTestResult token(String body) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)
            .exchange();
    }

    private MvcTestResult revoke(String body) {
        return this.mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)
            .exchange();
    }

    private MvcTestResult me(String token) {
        return this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static String accessToken(MvcTestResult result) {
        return field(result, "access_token");
    }

    private static String field(MvcTestResult result, String name) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), "$." + name);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String claim(String jwt, String name) {
        try {
            return (String) SignedJWT.parse(jwt).getJWTClaimsSet().getClaim(name);
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A token of the user's, with the given jti, signed with {@code secret}. */
    private static String jwt(String secret, String jti, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("stanley")
            .issuer("padlock-tests")
            .jwtID(jti)
            .issueTime(Date.from(expiresAt.minusSeconds(60)))
            .expirationTime(Date.from(expiresAt))
            .claim("scope", "items:read")
            .build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProtectedController.class)
    static class RevocationApplication {

        @Bean
        Users users() {
            return new Users();
        }
    }

    /** Users the tests change while the application runs. */
    static final class Users implements UserStore {

        private final Map<String, StoredUser> users = new ConcurrentHashMap<>();

        void put(StoredUser user) {
            this.users.put(user.username(), user);
        }

        void remove(String username) {
            this.users.remove(username);
        }

        @Override
        public @Nullable StoredUser findUser(String username) {
            return this.users.get(username);
        }
    }

    @RestController
    static class ProtectedController {

        @GetMapping("/users/me")
        Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("subject", principal.subject(), "scopes", principal.scopes());
        }
    }
}
