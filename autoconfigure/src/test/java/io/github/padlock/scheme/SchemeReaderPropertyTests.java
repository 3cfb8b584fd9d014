package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.HostileInput;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.InMemoryApiKeyStore;
import io.github.padlock.credentials.InMemoryUserStore;
import io.github.padlock.credentials.StoredApiKey;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.jwt.JwtVerifiers;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheme's request reader under hostile input, {@link HostileInput#tries()} (at least 10,000) generated requests
 * each, with the built-in verifier (or an exact-match one for Digest and HttpBase) over it:
 * <ol>
 * <li>nothing escapes but Padlock's own 4xx {@code ErrorResponse}s, with a known detail and challenge;</li>
 * <li>nothing is accepted but the exact credential, and the exact credential is accepted whatever the casing of the
 * scheme name (RFC 9110 §11.1) and the optional whitespace around it;</li>
 * <li>no refusal carries the secret or the submitted credential.</li>
 * </ol>
 * One {@code Authorization} header (or API-key value) at most per request: several are the HTTP corpus's business.
 * The user store matches {@code {noop}} passwords: the property is about parsing and deciding, and bcrypt's ~0.1 s
 * per check would make 10,000 tries take twenty minutes (the hash is exercised by {@code UserAuthenticatorTests}).
 */
class SchemeReaderPropertyTests {

    private static final String PASSWORD = "s3cr3t:Pässwörd€-7Q";

    private static final String ALICE_PASSWORD = "alice-Secret-0815";

    private static final String BASIC = b64("stanley:" + PASSWORD);

    private static final String ALICE_BASIC = b64("alice:" + ALICE_PASSWORD);

    private static final String JWT_SECRET = "property-test-secret-of-more-than-32-bytes!";

    private static final String TOKEN = token("stanley");

    private static final String ALICE_TOKEN = token("alice");

    private static final String DIGEST = "username=\"stanley\", realm=\"padlock\", nonce=\"dcd98b7102dd2f0e8b11d0f6\", "
            + "uri=\"/items\", response=\"6629fae49393a05397450978507c4ef1\"";

    private static final String API_KEY = "reporting.Zk9xq2Lw8Rt4Yp1Vn6Bm3Hc5Jd7Ks0Fg2Aa9Ee4Ii8Oo";

    private static final String OTHER_API_KEY = "ops.Q1w2E3r4T5y6U7i8O9p0AaSsDdFfGgHhJjKkLlZzXx";

    private static final List<String> NOT_AUTHENTICATED = List.of(NotAuthenticatedException.NOT_AUTHENTICATED);

    /** The answers to several values (contract items 1–3, another change), should a generator ever make them. */
    private static final List<String> SEVERAL = List.of("Several Authorization headers",
            "Several values for API key X-API-KEY", "Several values for API key api_key",
            "Bearer token sent in more than one way");

    @SuppressWarnings("deprecation")
    private static final PasswordEncoder NOOP = new DelegatingPasswordEncoder("noop",
            Map.of("noop", NoOpPasswordEncoder.getInstance()));

    private final UserAuthenticator users = new UserAuthenticator(new InMemoryUserStore(List.of(
            new StoredUser("stanley", "{noop}" + PASSWORD, List.of("items:read"), false),
            new StoredUser("alice", "{noop}" + ALICE_PASSWORD, List.of(), true))), NOOP);

    private final ApiKeyAuthenticator apiKeys = new ApiKeyAuthenticator(new InMemoryApiKeyStore(List.of(
            new StoredApiKey("reporting", sha256Hash(API_KEY), List.of("reports:read")),
            new StoredApiKey("ops", sha256Hash(OTHER_API_KEY), List.of()))), NOOP);

    private final JwtDecoder jwt = new JwtDecoder(JwtSettings.builder().secret(JWT_SECRET).build());

    @Test
    void httpBasicWhenHostileHeadersThenOnlyTheExactCredentialIsAccepted() {
        HttpBasic on = HttpBasic.builder().realm("padlock").build();
        HttpBasic off = HttpBasic.builder().realm("padlock").autoError(false).build();
        Verifier<UserPrincipal> verifier = this.users.over(on);
        List<String> details = details(UserAuthenticator.INCORRECT, UserAuthenticator.INACTIVE);
        List<String> challenges = List.of("Basic realm=\"padlock\"");
        HostileInput.Outcomes outcomes = HostileInput.check("HttpBasic", (attempt) -> {
            HostileInput in = attempt.input();
            Header header = basicHeader(in);
            attempt.describe(header.describe());
            TestRequest request = header.request();
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, request), details,
                    challenges,
                    header.secrets(PASSWORD, ALICE_PASSWORD, BASIC, ALICE_BASIC));
            boolean exact = header.value() != null && schemeIs(header.value(), "Basic")
                    && header.value().substring(6).strip().equals(BASIC);
            boolean alice = header.value() != null && schemeIs(header.value(), "Basic")
                    && header.value().substring(6).strip().equals(ALICE_BASIC);
            if (value != null) {
                assertThat(exact).as("accepted only the exact credential").isTrue();
                assertThat(value).isEqualTo(new UserPrincipal("stanley", List.of("items:read")));
            }
            if (header.exact()) {
                assertThat(value).as("the exact credential, in any casing of Basic").isNotNull();
            }
            if (header.exact() || alice) {
                assertThat(attempt.status()).as("the disabled user").isEqualTo(alice ? 400 : 0);
            }
            HttpBasicCredentials offValue = (HttpBasicCredentials) run(attempt, "scheme",
                    () -> off.resolve(header.request()),
                    NOT_AUTHENTICATED, challenges, header.secrets(PASSWORD, BASIC));
            if (offValue != null) {
                assertThat(on.resolve(header.request())).isEqualTo(offValue);
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    @Test
    void httpBearerWhenHostileHeadersThenOnlyTheExactTokenIsAccepted() {
        HttpBearer on = HttpBearer.builder().build();
        HttpBearer off = HttpBearer.builder().autoError(false).build();
        bearerProperty("HttpBearer", on, off, JwtVerifiers.overBearer(on, this.jwt),
                (request) -> off.resolve(request) == null ? null : off.resolve(request).credentials());
    }

    @Test
    void oauth2PasswordBearerWhenHostileHeadersThenOnlyTheExactTokenIsAccepted() {
        OAuth2PasswordBearer on = OAuth2PasswordBearer.builder("/token").build();
        OAuth2PasswordBearer off = OAuth2PasswordBearer.builder("/token").autoError(false).build();
        bearerProperty("OAuth2PasswordBearer", on, off, JwtVerifiers.over(on, this.jwt), off::resolve);
    }

    @Test
    void oauth2AuthorizationCodeBearerWhenHostileHeadersThenOnlyTheExactTokenIsAccepted() {
        OAuth2AuthorizationCodeBearer on = OAuth2AuthorizationCodeBearer.builder("/authorize", "/token").build();
        OAuth2AuthorizationCodeBearer off = OAuth2AuthorizationCodeBearer.builder("/authorize", "/token")
            .autoError(false)
            .build();
        bearerProperty("OAuth2AuthorizationCodeBearer", on, off, JwtVerifiers.over(on, this.jwt), off::resolve);
    }

    @Test
    void oauth2WhenHostileHeadersThenTheWholeHeaderReachesTheVerifierExactly() {
        OAuth2 on = OAuth2.builder().passwordFlow("/token", Map.of()).build();
        OAuth2 off = OAuth2.builder().passwordFlow("/token", Map.of()).autoError(false).build();
        wholeHeaderProperty("OAuth2", on, off);
    }

    @Test
    void openIdConnectWhenHostileHeadersThenTheWholeHeaderReachesTheVerifierExactly() {
        OpenIdConnect on = OpenIdConnect.builder("https://idp.example.com/.well-known/openid-configuration").build();
        OpenIdConnect off = OpenIdConnect.builder("https://idp.example.com/.well-known/openid-configuration")
            .autoError(false)
            .build();
        wholeHeaderProperty("OpenIdConnect", on, off);
    }

    @Test
    void httpDigestWhenHostileHeadersThenTheParameterReachesTheVerifierExactly() {
        HttpDigest on = HttpDigest.builder().build();
        HttpDigest off = HttpDigest.builder().autoError(false).build();
        Verifier<String> verifier = Verifier.of(on, (credentials, scopes) -> {
            if (credentials == null || !MessageDigest.isEqual(
                    credentials.credentials().getBytes(StandardCharsets.UTF_8),
                    DIGEST.getBytes(StandardCharsets.UTF_8))) {
                throw new NotAuthenticatedException("Incorrect digest", "Digest");
            }
            return "stanley";
        });
        List<String> details = details("Incorrect digest");
        HostileInput.Outcomes outcomes = HostileInput.check("HttpDigest", (attempt) -> {
            Header header = authorizationHeader(attempt.input(), "Digest", DIGEST);
            attempt.describe(header.describe());
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, header.request()), details,
                    List.of("Digest"), header.secrets());
            assertAcceptedOnlyExactly(header, value, "Digest", DIGEST);
            HttpAuthorizationCredentials offValue = (HttpAuthorizationCredentials) run(attempt, "scheme",
                    () -> off.resolve(header.request()), NOT_AUTHENTICATED, List.of("Digest"), header.secrets());
            if (offValue != null) {
                assertThat(asciiEqualsIgnoreCase(offValue.scheme(), "Digest")).as("the scheme " + offValue.scheme())
                    .isTrue();
                assertThat(offValue.credentials()).isEqualTo(header.value().substring(7).strip()).isNotEmpty();
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    @Test
    void httpBaseWhenHostileHeadersThenSchemeAndParameterReachTheVerifierAsSent() {
        HttpBase on = HttpBase.builder("other").build();
        HttpBase off = HttpBase.builder("other").autoError(false).build();
        Verifier<String> verifier = Verifier.of(on, (credentials, scopes) -> {
            if (credentials == null || !asciiEqualsIgnoreCase(credentials.scheme(), "Other")
                    || !MessageDigest.isEqual(credentials.credentials().getBytes(StandardCharsets.UTF_8),
                            DIGEST.getBytes(StandardCharsets.UTF_8))) {
                throw new NotAuthenticatedException("Incorrect credentials", "Other");
            }
            return "stanley";
        });
        List<String> details = details("Incorrect credentials");
        HostileInput.Outcomes outcomes = HostileInput.check("HttpBase", (attempt) -> {
            Header header = authorizationHeader(attempt.input(), "Other", DIGEST);
            attempt.describe(header.describe());
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, header.request()), details,
                    List.of("Other"), header.secrets());
            assertAcceptedOnlyExactly(header, value, "Other", DIGEST);
            HttpAuthorizationCredentials offValue = (HttpAuthorizationCredentials) run(attempt, "scheme",
                    () -> off.resolve(header.request()), NOT_AUTHENTICATED, List.of("Other"), header.secrets());
            if (offValue != null) {
                String sent = header.value();
                int space = sent.indexOf(' ');
                assertThat(offValue.scheme()).as("the scheme as sent").isEqualTo(sent.substring(0, space));
                assertThat(offValue.credentials()).isEqualTo(sent.substring(space + 1).strip()).isNotEmpty();
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    @Test
    void apiKeyHeaderWhenHostileValuesThenOnlyTheExactKeyIsAccepted() {
        ApiKeyHeader on = ApiKeyHeader.builder().name("X-API-KEY").build();
        ApiKeyHeader off = ApiKeyHeader.builder().name("X-API-KEY").autoError(false).build();
        apiKeyProperty("ApiKeyHeader", on, off, (in) -> {
            String value = apiKeyValue(in);
            TestRequest request = new TestRequest();
            if (value != null) {
                request.addHeader(in.randomCase("X-API-KEY"), value);
            }
            if (in.chance(30)) {
                request.addHeader(in.oneOf(List.of("X-API-KEYS", "X-API_KEY", "API-KEY", "Authorization")), API_KEY);
            }
            return new KeyRequest(request, value, value);
        });
    }

    @Test
    void apiKeyCookieWhenHostileValuesThenOnlyTheExactKeyIsAccepted() {
        ApiKeyCookie on = ApiKeyCookie.builder().name("api_key").build();
        ApiKeyCookie off = ApiKeyCookie.builder().name("api_key").autoError(false).build();
        apiKeyProperty("ApiKeyCookie", on, off, (in) -> {
            String value = apiKeyValue(in);
            List<Cookie> cookies = new ArrayList<>();
            for (int i = in.nextInt(3); i > 0; i--) {
                cookies.add(new Cookie(in.oneOf(List.of("sid", "theme", "API_KEY", "api_keys", "Api_Key")),
                        in.chance(50) ? API_KEY : in.text()));
            }
            if (value != null) {
                cookies.add(in.nextInt(cookies.size() + 1), new Cookie("api_key", value));
            }
            TestRequest request = new TestRequest();
            cookies.forEach((cookie) -> request.addCookie(cookie.getName(), cookie.getValue()));
            return new KeyRequest(request, value, value);
        });
    }

    @Test
    void apiKeyQueryWhenHostileQueryStringsThenOnlyTheExactKeyIsAccepted() {
        ApiKeyQuery on = ApiKeyQuery.builder().name("api_key").build();
        ApiKeyQuery off = ApiKeyQuery.builder().name("api_key").autoError(false).build();
        apiKeyProperty("ApiKeyQuery", on, off, (in) -> {
            List<String> pairs = new ArrayList<>();
            for (int i = in.nextInt(4); i > 0; i--) {
                pairs.add(in.oneOf(List.of("page=2", "q=" + in.text(in.nextInt(30)), in.text(in.nextInt(20)),
                        "api_keys=" + API_KEY, "API_KEY=" + API_KEY, "api%ZZkey=" + API_KEY, "=", "&")));
            }
            String value = apiKeyValue(in);
            if (value != null) {
                String name = in.oneOf(List.of("api_key", "api_key", "api%5Fkey", "%61pi_key",
                        "%61%70%69%5f%6b%65%79"));
                String encoded = switch (in.nextInt(5)) {
                    case 0 -> URLEncoder.encode(value, StandardCharsets.UTF_8);
                    case 1 -> percentEncodeAll(value);
                    default -> value;
                };
                pairs.add(in.nextInt(pairs.size() + 1), in.chance(3) ? name : name + "=" + encoded);
            }
            String query = String.join("&", pairs);
            TestRequest request = new TestRequest();
            if (!query.isEmpty() || in.chance(50)) {
                request.setQueryString(query);
            }
            return new KeyRequest(request, query, queryValue(query));
        });
    }

    private void bearerProperty(String parser, SecurityScheme<?> on, SecurityScheme<?> off,
            Verifier<JwtPrincipal> verifier,
            Function<TestRequest, @Nullable String> offToken) {
        List<String> details = details(JwtDecoderChallenge.DETAIL);
        List<String> challenges = List.of("Bearer", JwtDecoderChallenge.CHALLENGE);
        HostileInput.Outcomes outcomes = HostileInput.check(parser, (attempt) -> {
            Header header = authorizationHeader(attempt.input(), "Bearer", TOKEN, bearerNearMisses(attempt.input()));
            attempt.describe(header.describe());
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, header.request()), details,
                    challenges,
                    header.secrets(JWT_SECRET, TOKEN, TOKEN.substring(TOKEN.lastIndexOf('.') + 1)));
            if (value != null) {
                assertThat(((JwtPrincipal) value).subject()).isEqualTo("stanley");
            }
            assertAcceptedOnlyExactly(header, value, "Bearer", TOKEN);
            String token = (String) run(attempt, "scheme", () -> offToken.apply(header.request()), NOT_AUTHENTICATED,
                    challenges, header.secrets());
            if (token != null) {
                assertThat(schemeIs(header.value(), "Bearer") || asciiEqualsIgnoreCase(header.value(), "Bearer")
                        || asciiEqualsIgnoreCase(header.value(), "Bearer "))
                    .as("a token only from a Bearer header")
                    .isTrue();
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    /**
     * OAuth2 and OpenIdConnect produce the whole {@code Authorization} value, as FastAPI's do: with a verifier that
     * wants exactly {@code Bearer <token>}, only that value is accepted, and the value comes through unchanged.
     */
    private void wholeHeaderProperty(String parser, SecurityScheme<String> on, SecurityScheme<String> off) {
        String expected = "Bearer " + TOKEN;
        Verifier<String> verifier = Verifier.of(on, (value, scopes) -> {
            if (value == null || !MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                throw new NotAuthenticatedException("Incorrect credentials", "Bearer");
            }
            return "stanley";
        });
        List<String> details = details("Incorrect credentials");
        HostileInput.Outcomes outcomes = HostileInput.check(parser, (attempt) -> {
            HostileInput in = attempt.input();
            Header header = in.chance(10) ? new Header(expected, true)
                    : authorizationHeader(in, "Bearer", TOKEN, bearerNearMisses(in));
            attempt.describe(header.describe());
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, header.request()), details,
                    List.of("Bearer"), header.secrets(TOKEN));
            assertThat(value != null).as("accepted exactly Bearer <token>").isEqualTo(expected.equals(header.value()));
            String offValue = (String) run(attempt, "scheme", () -> off.resolve(header.request()), NOT_AUTHENTICATED,
                    List.of("Bearer"), header.secrets(TOKEN));
            if (offValue != null) {
                assertThat(offValue).as("the header as sent").isEqualTo(header.value()).isNotEmpty();
            }
            else if (header.value() != null && !header.value().isEmpty()) {
                assertThat(attempt.status()).as("a present header is produced, not dropped").isNotZero();
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    private void apiKeyProperty(String parser, ApiKeyScheme on, ApiKeyScheme off,
            Function<HostileInput, KeyRequest> requests) {
        Verifier<ApiKeyPrincipal> verifier = this.apiKeys.over(on);
        List<String> details = details(ApiKeyAuthenticator.INVALID);
        HostileInput.Outcomes outcomes = HostileInput.check(parser, (attempt) -> {
            KeyRequest key = requests.apply(attempt.input());
            attempt.describe(String.valueOf(key.sent()));
            String[] secrets = { API_KEY, OTHER_API_KEY, key.sent(), key.value() };
            Object value = run(attempt, "verifier", () -> HostileInput.resolve(verifier, on, key.request()), details,
                    List.of("APIKey"), secrets);
            if (value != null) {
                assertThat(key.value()).as("accepted only the exact key").isEqualTo(API_KEY);
                assertThat(value).isEqualTo(new ApiKeyPrincipal("reporting", List.of("reports:read")));
            }
            if (API_KEY.equals(key.value())) {
                assertThat(value).as("the exact key").isNotNull();
            }
            String offValue = (String) run(attempt, "scheme", () -> off.resolve(key.request()), NOT_AUTHENTICATED,
                    List.of("APIKey"), secrets);
            if (offValue != null) {
                assertThat(offValue).isEqualTo(key.value());
            }
        });
        assertThat(outcomes.get("verifier accepted")).isPositive();
    }

    /** Runs a parser; counts and checks what it throws; returns its value, or null when it refused. */
    private static @Nullable Object run(HostileInput.Try attempt, String label, java.util.function.Supplier<?> parser,
            List<String> details, List<String> challenges, String... secrets) {
        try {
            Object value = parser.get();
            attempt.count(label + ((value == null) ? " null" : label.equals("verifier") ? " accepted" : " produced"));
            attempt.status(0);
            return value;
        }
        catch (Throwable ex) {
            int status = HostileInput.assertPadlockRefusal(ex, details, challenges, secrets);
            attempt.count(label + " " + status);
            attempt.status(status);
            return null;
        }
    }

    private static void assertAcceptedOnlyExactly(Header header, @Nullable Object value, String scheme,
            String credential) {
        boolean exact = header.value() != null && schemeIs(header.value(), scheme)
                && header.value().substring(scheme.length() + 1).strip().equals(credential);
        if (value != null) {
            assertThat(exact).as("accepted only the exact credential").isTrue();
        }
        if (header.exact()) {
            assertThat(value).as("the exact credential, in any casing of " + scheme).isNotNull();
        }
    }

    private static List<String> details(String... more) {
        List<String> details = new ArrayList<>(List.of(more));
        details.add(NotAuthenticatedException.NOT_AUTHENTICATED);
        details.addAll(SEVERAL);
        return details;
    }

    private static Header basicHeader(HostileInput in) {
        int kind = in.nextInt(100);
        if (kind < 12) {
            return new Header(in.randomCase("Basic") + " " + in.ows() + BASIC + in.ows(), true);
        }
        if (kind < 16) {
            return new Header(in.randomCase("Basic") + " " + ALICE_BASIC, false);
        }
        if (kind < 50) {
            String credential = switch (in.nextInt(12)) {
                case 0 -> in.nearMiss("stanley") + ":" + PASSWORD;
                case 1, 2 -> "stanley:" + in.nearMiss(PASSWORD);
                case 3 -> "stanley" + PASSWORD.replace(":", "");
                case 4 -> in.oneOf(List.of(":", "stanley:", ":" + PASSWORD, "", "stanley", "::"));
                case 5 -> "stanley:" + Normalizer.normalize(PASSWORD, Normalizer.Form.NFD);
                case 6 -> "Stanley:" + PASSWORD;
                case 7 -> in.text() + ":" + in.text();
                case 8 -> "stanley:" + PASSWORD + in.hostileSpace();
                case 9 -> "alice:" + PASSWORD;
                default -> in.text();
            };
            byte[] bytes = in.chance(85) ? credential.getBytes(StandardCharsets.UTF_8)
                    : in.chance(50) ? credential.getBytes(StandardCharsets.ISO_8859_1) : in.bytes(in.length());
            return new Header(in.randomCase("Basic") + " " + in.ows() + in.base64(bytes).text() + in.ows(), false);
        }
        if (kind < 60) {
            // the exact credential in a form that is not it: non-canonical base64
            HostileInput.Base64Form form = in.base64(("stanley:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            return new Header(in.randomCase("Basic") + " " + form.text(), false);
        }
        return framingOrRandom(in, "Basic", BASIC, List.of());
    }

    private static Header authorizationHeader(HostileInput in, String scheme, String credential) {
        return authorizationHeader(in, scheme, credential, List.of(in.nearMiss(credential)));
    }

    private static Header authorizationHeader(HostileInput in, String scheme, String credential,
            List<String> nearMisses) {
        int kind = in.nextInt(100);
        if (kind < 15) {
            return new Header(in.randomCase(scheme) + " " + in.ows() + credential + in.ows(), true);
        }
        if (kind < 50) {
            return new Header(in.randomCase(scheme) + " " + in.ows() + in.oneOf(nearMisses) + in.ows(), false);
        }
        return framingOrRandom(in, scheme, credential, nearMisses);
    }

    /** The right credential wrongly framed, a random header, or none. */
    private static Header framingOrRandom(HostileInput in, String scheme, String credential, List<String> nearMisses) {
        int kind = in.nextInt(100);
        if (kind < 35) {
            String name = in.chance(50) ? in.randomCase(scheme) : in.schemeName();
            String separator = in.oneOf(List.of("\t", "", "\u00A0", "\u0000", ":", "=", "  ", " ", "\r\n ", ","));
            String prefix = in.chance(30) ? in.hostileSpace() : "";
            String suffix = in.chance(30) ? in.hostileSpace() : "";
            String cred = in.chance(70) ? credential : in.insert(credential, in.hostileSpace());
            return new Header(prefix + name + separator + cred + suffix, false);
        }
        if (kind < 50 && !nearMisses.isEmpty()) {
            return new Header(in.schemeName() + " " + in.oneOf(nearMisses), false);
        }
        if (kind < 92) {
            String value = in.chance(50) ? in.schemeName() + in.oneOf(List.of(" ", "", "\t")) + in.text() : in.text();
            return new Header(value, false);
        }
        return new Header(in.chance(50) ? null : in.oneOf(List.of("", " ", "\t", "\u0000")), false);
    }

    private static List<String> bearerNearMisses(HostileInput in) {
        String[] parts = TOKEN.split("\\.");
        String signature = parts[2];
        int last = signature.length() - 1;
        String urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // the last character of a 32-byte signature carries 4 significant bits and 2 unused ones
        int lastValue = urlAlphabet.indexOf(signature.charAt(last));
        String nonCanonical = signature.substring(0, last) + urlAlphabet.charAt(lastValue ^ (1 + in.nextInt(3)));
        return List.of(in.nearMiss(TOKEN), in.nearMiss(TOKEN), parts[0] + "." + parts[1] + ".",
                parts[0] + "." + parts[1], parts[0] + "." + parts[1] + "." + nonCanonical,
                parts[0] + "." + parts[1] + "." + signature + "=", TOKEN + "." + in.text(in.nextInt(8)),
                parts[1] + "." + parts[0] + "." + signature,
                ALICE_TOKEN.substring(0, ALICE_TOKEN.lastIndexOf('.') + 1) + signature, "Bearer " + TOKEN,
                TOKEN + " " + TOKEN, "\"" + TOKEN + "\"",
                TOKEN.toUpperCase(java.util.Locale.ROOT));
    }

    private static @Nullable String apiKeyValue(HostileInput in) {
        int kind = in.nextInt(100);
        if (kind < 15) {
            return API_KEY;
        }
        if (kind < 50) {
            return switch (in.nextInt(8)) {
                case 0, 1, 2 -> in.nearMiss(API_KEY);
                case 3 -> in.ows() + API_KEY + in.ows() + (in.chance(50) ? " " : "\t");
                case 4 -> "ops." + API_KEY.substring(API_KEY.indexOf('.') + 1);
                case 5 -> "reporting." + OTHER_API_KEY.substring(OTHER_API_KEY.indexOf('.') + 1);
                case 6 -> in.oneOf(List.of("reporting", "reporting.", ".", API_KEY + ".", "." + API_KEY));
                default -> OTHER_API_KEY.substring(0, 4) + in.text();
            };
        }
        if (kind < 95) {
            return in.text();
        }
        return in.chance(50) ? null : "";
    }

    /** The value of the single {@code api_key} parameter, decoded as a servlet container would, or null. */
    private static @Nullable String queryValue(String query) {
        String value = null;
        int found = 0;
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decodeOrNull((equals < 0) ? pair : pair.substring(0, equals));
            if ("api_key".equals(name)) {
                found++;
                value = (equals < 0) ? "" : decodeOrNull(pair.substring(equals + 1));
            }
        }
        return (found == 1) ? value : null;
    }

    private static @Nullable String decodeOrNull(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String percentEncodeAll(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString();
    }

    /** RFC 9110 §11.1: the scheme, compared case-insensitively in ASCII only, then one space. */
    static boolean schemeIs(@Nullable String value, String scheme) {
        return value != null && value.length() > scheme.length() && value.charAt(scheme.length()) == ' '
                && asciiEqualsIgnoreCase(value.substring(0, scheme.length()), scheme);
    }

    static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && !(x < 128 && y < 128 && Character.toLowerCase(x) == Character.toLowerCase(y))) {
                return false;
            }
        }
        return true;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hash(String key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String token(String subject) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(86_400)))
            .build());
        try {
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    /** JwtDecoder's refusal, as its tests know it. */
    private static final class JwtDecoderChallenge {

        static final String DETAIL = "Invalid token";

        static final String CHALLENGE = "Bearer error=\"invalid_token\", error_description=\"Invalid token\"";
    }

    /**
     * One {@code Authorization} header value (or none).
     * @param value the value, or null for no header
     * @param exact whether it is the exact credential, framed as RFC 9110 allows
     */
    private record Header(@Nullable String value, boolean exact) {

        TestRequest request() {
            TestRequest request = new TestRequest();
            if (this.value != null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, this.value);
            }
            return request;
        }

        String describe() {
            return (this.value != null) ? "Authorization: " + this.value : "(no Authorization header)";
        }

        /** The secrets given, and what was submitted after the scheme. */
        String[] secrets(String... secrets) {
            List<String> all = new ArrayList<>(List.of(secrets));
            if (this.value != null) {
                int space = this.value.indexOf(' ');
                all.add(this.value.substring(space + 1).strip());
            }
            return all.toArray(String[]::new);
        }
    }

    /**
     * A request carrying an API key.
     * @param request the request
     * @param sent what was sent (header or cookie value, or the whole query string)
     * @param value the key as the container would decode it, or null when none (or several) came
     */
    private record KeyRequest(TestRequest request, @Nullable String sent, @Nullable String value) {
    }
}
