package io.github.padlock.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.web.Corpus.Endpoint;
import io.github.padlock.web.Corpus.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.padlock.web.Corpus.basic;
import static io.github.padlock.web.Corpus.bytes;
import static io.github.padlock.web.Corpus.invalid;
import static io.github.padlock.web.Corpus.missing;
import static io.github.padlock.web.Corpus.ok;
import static io.github.padlock.web.Corpus.refused;
import static io.github.padlock.web.Corpus.refusedOrClosed;
import static io.github.padlock.web.Corpus.status;
import static io.github.padlock.web.Corpus.unauthorized;
import static io.github.padlock.web.HostileTestApplication.API_KEYS;
import static io.github.padlock.web.HostileTestApplication.DIGEST_CREDENTIALS;
import static io.github.padlock.web.HostileTestApplication.PASSWORDS;
import static io.github.padlock.web.HostileTestApplication.STANLEY_PASSWORD;

/**
 * Hostile requests, sent as raw bytes over a socket to every scheme of {@link HostileTestApplication} on a real
 * Tomcat: empty and whitespace values, every casing of the scheme names (which must authenticate, RFC 9110 §11.1),
 * bad base64, control characters, oversized values, keys in the wrong place, forged and expired JWTs, wrong
 * passwords of real users, path variants. Each row says what must come back; {@link Corpus#check} adds what every
 * row must satisfy. Ambiguous credentials (several headers or places, 400) are in
 * {@link DuplicateCredentialCorpusTests}.
 */
@SpringBootTest(classes = HostileTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:hostile/hostile.yml")
class HostileRequestCorpusTests {

    private static final Corpus.Histogram histogram = new Corpus.Histogram();

    @LocalServerPort
    private int port;

    @Autowired
    private JwtIssuer issuer;

    @TestFactory
    Stream<DynamicTest> corpusWhenHostileRequestThenNeverAcceptedNever5xxNoSecretEchoed() {
        List<Row> rows = rows();
        return rows.stream()
            .map((row) -> DynamicTest.dynamicTest(row.name() + " -> " + row.expect(),
                    () -> Corpus.check(row, this.port, histogram)));
    }

    @AfterAll
    static void summary() throws IOException {
        histogram.write(Path.of("target", "hostile-corpus.tsv"));
        System.out.println("Hostile corpus " + histogram.summary("HostileRequestCorpusTests"));
    }

    private List<Row> rows() {
        Corpus.Table table = new Corpus.Table();
        basicRows(table);
        bearerRows(table);
        digestRows(table);
        apiKeyRows(table);
        jwtRows(table);
        tokenEndpointRows(table);
        pathRows(table);
        List<Row> rows = table.rows();
        System.out.println("Hostile corpus: " + rows.size() + " rows");
        return rows;
    }

    private static void basicRows(Corpus.Table t) {
        Endpoint b = Endpoint.BASIC;
        String ann = PASSWORDS.get("ann");
        String bob = PASSWORDS.get("bob");
        String annBase64 = basic("Basic", "ann:" + ann).substring(6);
        // The right credentials, every casing of the scheme name (RFC 9110 §11.1: case-insensitive).
        for (String scheme : List.of("Basic", "basic", "BASIC", "bAsIc", "BaSiC", "basiC")) {
            t.get("basic ann, scheme '" + scheme + "'", b, ok("ann"), "Authorization: " + basic(scheme, "ann:" + ann))
                .secrets(ann, annBase64);
        }
        t.get("basic stanley (bcrypt)", b, ok("stanley"), "Authorization: " + basic("Basic", "stanley:"
                + STANLEY_PASSWORD))
            .secrets(STANLEY_PASSWORD);
        t.get("basic stanley (bcrypt), scheme 'BASIC'", b, ok("stanley"),
                "Authorization: " + basic("BASIC", "stanley:" + STANLEY_PASSWORD))
            .secrets(STANLEY_PASSWORD);
        t.get("basic header name lower case", b, ok("ann"), "authorization: Basic " + annBase64).secrets(ann);
        t.get("basic header name upper case", b, ok("ann"), "AUTHORIZATION: Basic " + annBase64).secrets(ann);
        t.get("basic two spaces before the credentials", b, ok("ann"), "Authorization: Basic  " + annBase64)
            .secrets(ann);
        t.get("basic trailing spaces (not part of the field value)", b, ok("ann"),
                "Authorization: Basic " + annBase64 + "   ")
            .secrets(ann);
        t.get("basic leading spaces before the scheme (not part of the field value)", b, ok("ann"),
                "Authorization:    Basic " + annBase64)
            .secrets(ann);
        // Wrong passwords of real users, and near misses.
        t.get("basic ann with bob's password", b, invalid(), "Authorization: " + basic("Basic", "ann:" + bob))
            .secrets(bob);
        t.get("basic stanley (bcrypt) wrong password", b, invalid(), "Authorization: " + basic("Basic",
                "stanley:hunter22"))
            .secrets("hunter22");
        t.get("basic stanley (bcrypt) password in upper case", b, invalid(),
                "Authorization: " + basic("basic", "stanley:PASSWORD123"))
            .secrets("PASSWORD123");
        t.get("basic stanley (bcrypt) password of 73 bytes starting right", b, invalid(),
                "Authorization: " + basic("Basic", "stanley:" + STANLEY_PASSWORD + "x".repeat(62)))
            .secrets(STANLEY_PASSWORD + "x".repeat(62));
        t.get("basic ann password with a trailing space", b, invalid(), "Authorization: " + basic("Basic", "ann:"
                + ann + " "))
            .secrets(ann);
        t.get("basic ann password with a trailing NUL", b, unauthorized(),
                "Authorization: " + basic("Basic", "ann:" + ann + "\0"))
            .secrets(ann);
        t.get("basic ann password missing its last character", b, invalid(),
                "Authorization: " + basic("Basic", "ann:" + ann.substring(0, ann.length() - 1)))
            .secrets(ann.substring(0, ann.length() - 1));
        t.get("basic ann password with an extra character", b, invalid(), "Authorization: " + basic("Basic", "ann:"
                + ann + "!"))
            .secrets(ann + "!");
        t.get("basic ann password in upper case", b, invalid(),
                "Authorization: " + basic("Basic", "ann:" + ann.toUpperCase()))
            .secrets(ann.toUpperCase());
        t.get("basic user name in upper case", b, invalid(), "Authorization: " + basic("Basic", "ANN:" + ann))
            .secrets(ann);
        t.get("basic user name with a trailing space", b, invalid(), "Authorization: " + basic("Basic", "ann :" + ann))
            .secrets(ann);
        t.get("basic unknown user with ann's password", b, invalid(), "Authorization: " + basic("Basic", "nobody:"
                + ann))
            .secrets(ann);
        t.get("basic disabled user zed right password", b, status(400, null),
                "Authorization: " + basic("Basic", "zed:zed-Pw-3f61c0"))
            .secrets("zed-Pw-3f61c0");
        t.get("basic disabled user zed wrong password", b, invalid(), "Authorization: " + basic("Basic",
                "zed:nope-nope"))
            .secrets("nope-nope");
        t.get("basic empty password", b, invalid(), "Authorization: " + basic("Basic", "ann:"));
        t.get("basic empty user name", b, invalid(), "Authorization: " + basic("Basic", ":" + ann)).secrets(ann);
        t.get("basic colon only", b, invalid(), "Authorization: " + basic("Basic", ":"));
        t.get("basic password with a colon", b, invalid(), "Authorization: " + basic("Basic", "ann:" + ann + ":" + ann))
            .secrets(ann);
        t.get("basic UTF-8 user and password", b, invalid(),
                "Authorization: " + basic("Basic", "zoë:pässwörd-☃"))
            .secrets(bytes("pässwörd-☃"));
        t.get("basic user name of 3000 bytes", b, invalid(), "Authorization: " + basic("Basic", "u".repeat(3000)
                + ":pw-long-user"))
            .secrets("pw-long-user");
        // Malformed payloads: the scheme's 401 Not authenticated.
        t.get("basic no colon", b, missing(), "Authorization: " + basic("Basic", "ann" + ann)).secrets(ann);
        t.get("basic scheme only", b, missing(), "Authorization: Basic");
        t.get("basic scheme and a space", b, missing(), "Authorization: Basic ");
        t.get("basic empty header", b, missing(), "Authorization:");
        t.get("basic whitespace-only header", b, missing(), "Authorization:      ");
        t.get("basic no header", b, missing());
        t.get("basic not base64", b, missing(), "Authorization: Basic !!!!****");
        t.get("basic base64 of one byte too few", b, unauthorized(), "Authorization: Basic " + annBase64.substring(1));
        t.get("basic base64 padding removed", b, unauthorized(), "Authorization: Basic " + basic("Basic",
                "ann:pw1").substring(6).replace("=", ""));
        t.get("basic base64 extra padding", b, missing(), "Authorization: Basic " + annBase64 + "==");
        t.get("basic base64 non-canonical trailing bits", b, missing(), "Authorization: Basic YW5uOnB3MQ=B");
        t.get("basic base64 non-canonical last char", b, missing(), "Authorization: Basic YW5uOnB3Mh==");
        t.get("basic base64url alphabet", b, missing(), "Authorization: Basic " + "-_-_" + annBase64.substring(4));
        t.get("basic base64 with an inner space", b, missing(),
                "Authorization: Basic " + annBase64.substring(0, 8) + " " + annBase64.substring(8))
            .secrets(ann);
        t.get("basic base64 of a NUL in the user name", b, missing(), "Authorization: " + basic("Basic", "an\0n:"
                + ann))
            .secrets(ann);
        t.get("basic base64 of control characters", b, missing(), "Authorization: " + basic("Basic",
                "ann\u0001:\u0007" + ann))
            .secrets(ann);
        t.get("basic base64 of invalid UTF-8", b, missing(), "Authorization: Basic /+7/Onh4eHh4eA==");
        t.get("basic tab instead of a space", b, missing(), "Authorization: Basic\t" + annBase64).secrets(ann);
        t.get("basic scheme glued to the credentials", b, missing(), "Authorization: Basic" + annBase64).secrets(ann);
        t.get("basic other scheme name 'Basics'", b, missing(), "Authorization: Basics " + annBase64).secrets(ann);
        t.get("basic credentials without a scheme", b, missing(), "Authorization: " + annBase64).secrets(ann);
        t.get("basic bearer scheme", b, missing(), "Authorization: Bearer opaque-ann-6c1f0e9b2d7a4458")
            .secrets("opaque-ann-6c1f0e9b2d7a4458");
        t.get("basic comma-joined second credential", b, missing(),
                "Authorization: Basic " + annBase64 + ", Basic " + annBase64)
            .secrets(ann);
        t.get("basic user and password in clear", b, missing(), "Authorization: Basic ann:" + ann).secrets(ann);
        // Bytes that Tomcat's parser itself may refuse (400): fine, as long as it is not 5xx and not accepted.
        t.get("basic raw NUL in the header value", b, refused(), "Authorization: Basic \0" + annBase64).secrets(ann);
        t.get("basic raw SOH in the header value", b, refused(), "Authorization: Basic \u0001"
                + annBase64).secrets(ann);
        t.get("basic raw DEL in the header value", b, refused(), "Authorization: Basic " + annBase64 + "\u007f")
            .secrets(ann);
        t.get("basic raw ESC in the scheme", b, refused(), "Authorization: Ba\u001bsic " + annBase64).secrets(ann);
        t.get("basic bare CR in the header value", b, refusedOrClosed(), "Authorization: Basic \r" + annBase64)
            .secrets(ann);
        t.get("basic obs-text bytes in the header value", b, missing(), "Authorization: Basic \u00ff\u00fe\u00e9");
        // RFC 9112 §5.2 lets a server either refuse obs-fold or replace it with spaces; Tomcat unfolds, so this is
        // ann's right credential, folded.
        t.get("basic obs-fold continuation line (unfolded by Tomcat)", b, ok("ann"), "Authorization: Basic",
                " " + annBase64)
            .secrets(ann);
        t.get("basic space before the colon of the header name", b, refused(), "Authorization : Basic " + annBase64)
            .secrets(ann);
        t.get("basic 7 KiB value under Tomcat's limit", b, missing(), "Authorization: Basic " + "QUFB".repeat(1792));
        t.get("basic 64 KiB value over Tomcat's 8 KiB limit", b, refusedOrClosed(),
                "Authorization: Basic " + "QUFB".repeat(16384));
        t.get("basic 64 KiB valid-looking credentials", b, refusedOrClosed(),
                "Authorization: " + basic("Basic", "ann:" + "p".repeat(49152)));
    }

    private static void bearerRows(Corpus.Table t) {
        Endpoint e = Endpoint.BEARER;
        String token = "opaque-ann-6c1f0e9b2d7a4458";
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR", "BeArEr")) {
            t.get("bearer ann, scheme '" + scheme + "'", e, ok("ann"), "Authorization: " + scheme + " " + token)
                .secrets(token);
        }
        t.get("bearer bob", e, ok("bob"), "Authorization: Bearer opaque-bob-0a93d5e7c1b24f66");
        t.get("bearer two spaces before the token", e, ok("ann"), "Authorization: Bearer  " + token).secrets(token);
        t.get("bearer trailing spaces", e, ok("ann"), "Authorization: Bearer " + token + "  ").secrets(token);
        t.get("bearer wrong token", e, invalid(), "Authorization: Bearer opaque-ann-0000000000000000")
            .secrets("opaque-ann-0000000000000000");
        t.get("bearer token missing its last character", e, invalid(),
                "Authorization: Bearer " + token.substring(0, token.length() - 1))
            .secrets(token.substring(0, token.length() - 1));
        t.get("bearer token with an extra character", e, invalid(), "Authorization: Bearer " + token + "0")
            .secrets(token + "0");
        t.get("bearer token in upper case", e, invalid(), "Authorization: Bearer " + token.toUpperCase())
            .secrets(token.toUpperCase());
        t.get("bearer token with an inner space", e, invalid(),
                "Authorization: Bearer opaque-ann 6c1f0e9b2d7a4458")
            .secrets("6c1f0e9b2d7a4458");
        t.get("bearer token quoted", e, invalid(), "Authorization: Bearer \"" + token + "\"").secrets(token);
        t.get("bearer scheme twice", e, invalid(), "Authorization: Bearer Bearer " + token).secrets(token);
        t.get("bearer token as a parameter", e, invalid(), "Authorization: Bearer token=\"" + token + "\"")
            .secrets(token);
        t.get("bearer token of 6 KiB", e, invalid(), "Authorization: Bearer " + "t".repeat(6144));
        t.get("bearer UTF-8 token", e, invalid(), "Authorization: Bearer " + bytes("jéton-☃-secret"))
            .secrets(bytes("jéton-☃-secret"));
        t.get("bearer scheme only", e, missing(), "Authorization: Bearer");
        t.get("bearer empty header", e, missing(), "Authorization:");
        t.get("bearer no header", e, missing());
        t.get("bearer other scheme 'Token'", e, missing(), "Authorization: Token " + token).secrets(token);
        t.get("bearer basic credentials", e, missing(), "Authorization: " + basic("Basic", "ann:"
                + PASSWORDS.get("ann")))
            .secrets(PASSWORDS.get("ann"));
        t.get("bearer token without a scheme", e, missing(), "Authorization: " + token).secrets(token);
        t.target("bearer access_token query parameter alone", e, "/bearer?access_token=" + token, missing());
        t.get("bearer token in an X-API-KEY header", e, missing(), "X-API-KEY: " + token).secrets(token);
        t.get("bearer token in a cookie", e, missing(), "Cookie: access_token=" + token).secrets(token);
        t.get("bearer raw NUL inside the token", e, refused(), "Authorization: Bearer opaque-ann\0-6c1f0e9b2d7a4458")
            .secrets("6c1f0e9b2d7a4458");
        t.get("bearer raw vertical tab inside the token", e, refused(),
                "Authorization: Bearer opaque-ann\u000b-6c1f0e9b2d7a4458")
            .secrets("6c1f0e9b2d7a4458");
        t.get("bearer 64 KiB token", e, refusedOrClosed(), "Authorization: Bearer " + "t".repeat(65536));
    }

    private static void digestRows(Corpus.Table t) {
        Endpoint e = Endpoint.DIGEST;
        for (String scheme : List.of("Digest", "digest", "DIGEST", "dIgEsT")) {
            t.get("digest dee, scheme '" + scheme + "'", e, ok("dee"), "Authorization: " + scheme + " "
                    + DIGEST_CREDENTIALS);
        }
        t.get("digest wrong response", e, invalid(),
                "Authorization: Digest " + DIGEST_CREDENTIALS.replace("6629fae4", "00000000"));
        t.get("digest parameters reordered", e, invalid(),
                "Authorization: Digest uri=\"/digest\", " + DIGEST_CREDENTIALS.replace(", uri=\"/digest\"", ""));
        t.get("digest garbage parameters", e, invalid(), "Authorization: Digest ,,,=\"\"\"");
        t.get("digest scheme only", e, missing(), "Authorization: Digest");
        t.get("digest no header", e, missing());
        t.get("digest basic credentials", e, missing(), "Authorization: " + basic("Basic", "dee:"
                + PASSWORDS.get("dee")))
            .secrets(PASSWORDS.get("dee"));
        t.get("digest bearer token", e, missing(), "Authorization: Bearer opaque-cid-f47e2b8a90c3d115")
            .secrets("opaque-cid-f47e2b8a90c3d115");
        t.get("digest raw NUL in the parameters", e, refused(), "Authorization: Digest username=\"dee\0\"");
    }

    private static void apiKeyRows(Corpus.Table t) {
        String alpha = API_KEYS.get("alpha");
        String beta = API_KEYS.get("beta");
        String alphaSecret = alpha.substring(alpha.indexOf('.') + 1);
        String betaSecret = beta.substring(beta.indexOf('.') + 1);
        // Header.
        Endpoint h = Endpoint.HEADER_KEY;
        t.get("header key alpha", h, ok("alpha"), "X-API-KEY: " + alpha).secrets(alpha, alphaSecret);
        t.get("header key beta", h, ok("beta"), "X-API-KEY: " + beta).secrets(beta, betaSecret);
        t.get("header key name in lower case", h, ok("alpha"), "x-api-key: " + alpha).secrets(alphaSecret);
        t.get("header key surrounding spaces (not part of the field value)", h, ok("alpha"),
                "X-API-KEY:    " + alpha + "    ")
            .secrets(alphaSecret);
        t.get("header key alpha's id with beta's secret", h, invalid(), "X-API-KEY: alpha." + betaSecret)
            .secrets(betaSecret);
        t.get("header key unknown id", h, invalid(), "X-API-KEY: omega." + alphaSecret).secrets(alphaSecret);
        t.get("header key secret only", h, invalid(), "X-API-KEY: " + alphaSecret).secrets(alphaSecret);
        t.get("header key id only", h, invalid(), "X-API-KEY: alpha");
        t.get("header key id and dot", h, invalid(), "X-API-KEY: alpha.");
        t.get("header key dot and secret", h, invalid(), "X-API-KEY: ." + alphaSecret).secrets(alphaSecret);
        t.get("header key dot only", h, invalid(), "X-API-KEY: .");
        t.get("header key missing its last character", h, invalid(),
                "X-API-KEY: " + alpha.substring(0, alpha.length() - 1))
            .secrets(alphaSecret.substring(0, alphaSecret.length() - 1));
        t.get("header key with an extra character", h, invalid(), "X-API-KEY: " + alpha + "A").secrets(alphaSecret);
        t.get("header key in upper case", h, invalid(), "X-API-KEY: " + alpha.toUpperCase())
            .secrets(alphaSecret.toUpperCase());
        t.get("header key with an inner space", h, invalid(),
                "X-API-KEY: alpha. " + alphaSecret)
            .secrets(alphaSecret);
        t.get("header key comma-joined with another key", h, invalid(), "X-API-KEY: " + alpha + ", " + beta)
            .secrets(alphaSecret, betaSecret);
        t.get("header key of 6 KiB", h, invalid(), "X-API-KEY: alpha." + "k".repeat(6144));
        t.get("header key UTF-8 bytes", h, invalid(), "X-API-KEY: " + bytes("alpha.clé-☃-" + alphaSecret))
            .secrets(alphaSecret);
        t.get("header key obs-text bytes", h, invalid(), "X-API-KEY: alpha.\u00ff\u00fe\u00fd");
        t.get("header key empty", h, missing(), "X-API-KEY:");
        t.get("header key whitespace only", h, missing(), "X-API-KEY:    ");
        t.get("header key no header", h, missing());
        t.get("header key in Authorization", h, missing(), "Authorization: " + alpha).secrets(alphaSecret);
        t.get("header key in Authorization as bearer", h, missing(), "Authorization: Bearer " + alpha)
            .secrets(alphaSecret);
        t.get("header key in Authorization as APIKey scheme", h, missing(), "Authorization: APIKey " + alpha)
            .secrets(alphaSecret);
        t.target("header key sent as query parameter", h, h.path + "?X-API-KEY=" + alpha, missing());
        t.get("header key sent as cookie", h, missing(), "Cookie: X-API-KEY=" + alpha).secrets(alphaSecret);
        t.get("header key under another name X-API-KEYS", h, missing(), "X-API-KEYS: " + alpha).secrets(alphaSecret);
        t.get("header key under X_API_KEY", h, missing(), "X_API_KEY: " + alpha).secrets(alphaSecret);
        t.get("header key raw NUL", h, refused(), "X-API-KEY: alpha.\0" + alphaSecret).secrets(alphaSecret);
        t.get("header key raw BEL", h, refused(), "X-API-KEY: alpha.\u0007" + alphaSecret).secrets(alphaSecret);
        t.get("header key 64 KiB", h, refusedOrClosed(), "X-API-KEY: alpha." + "k".repeat(65536));
        // Query.
        Endpoint q = Endpoint.QUERY_KEY;
        t.target("query key alpha", q, q.path + "?api_key=" + alpha, ok("alpha"));
        t.target("query key among other parameters", q, q.path + "?a=1&api_key=" + alpha + "&b=2", ok("alpha"));
        t.target("query key percent-encoded", q, q.path + "?api_key=" + URLEncoder.encode(alpha, StandardCharsets.UTF_8)
            .replace(".", "%2E"), ok("alpha"));
        t.target("query key name percent-encoded", q, q.path + "?api%5Fkey=" + alpha, ok("alpha"));
        t.target("query key surrounding encoded spaces", q, q.path + "?api_key=%20" + alpha + "%20", invalid());
        t.target("query key surrounding plus signs", q, q.path + "?api_key=+" + alpha + "+", invalid());
        t.target("query key alpha's id with beta's secret", q, q.path + "?api_key=alpha." + betaSecret, invalid());
        t.target("query key encoded NUL", q, q.path + "?api_key=alpha.%00" + alphaSecret, invalid());
        t.target("query key encoded CR LF", q, q.path + "?api_key=alpha.%0D%0A" + alphaSecret, invalid());
        t.target("query key bad percent-encoding", q, q.path + "?api_key=alpha.%zz" + alphaSecret, refused());
        t.target("query key truncated percent-encoding", q, q.path + "?api_key=alpha.%4", refused());
        t.target("query key overlong UTF-8", q, q.path + "?api_key=alpha.%C0%AE" + alphaSecret, unauthorized());
        t.target("query key empty", q, q.path + "?api_key=", missing());
        t.target("query key without value", q, q.path + "?api_key", missing());
        t.target("query key name in upper case", q, q.path + "?API_KEY=" + alpha, missing());
        t.target("query key in the fragment", q, q.path + "#api_key=" + alpha, refused());
        t.get("query key no parameter", q, missing());
        t.get("query key sent as header", q, missing(), "api_key: " + alpha).secrets(alphaSecret);
        t.get("query key sent as X-API-KEY header", q, missing(), "X-API-KEY: " + alpha).secrets(alphaSecret);
        t.get("query key sent as cookie", q, missing(), "Cookie: api_key=" + alpha).secrets(alphaSecret);
        t.line("query key in a form body of a GET", q, "GET " + q.path + " HTTP/1.1", missing(),
                "Content-Type: application/x-www-form-urlencoded")
            .body("api_key=" + alpha);
        t.target("query key raw space in the request target", q, q.path + "?api_key=alpha. " + alphaSecret, refused());
        t.target("query key raw NUL in the request target", q, q.path + "?api_key=alpha.\0" + alphaSecret, refused());
        t.target("query key 64 KiB", q, q.path + "?api_key=alpha." + "k".repeat(65536), refusedOrClosed());
        // Cookie.
        Endpoint c = Endpoint.COOKIE_KEY;
        t.get("cookie key alpha", c, ok("alpha"), "Cookie: api_key=" + alpha).secrets(alphaSecret);
        t.get("cookie key among other cookies", c, ok("alpha"), "Cookie: a=1; api_key=" + alpha + "; b=2")
            .secrets(alphaSecret);
        t.get("cookie key alpha's id with beta's secret", c, invalid(), "Cookie: api_key=alpha." + betaSecret)
            .secrets(betaSecret);
        t.get("cookie key unknown id", c, invalid(), "Cookie: api_key=omega." + alphaSecret).secrets(alphaSecret);
        t.get("cookie key name in upper case", c, missing(), "Cookie: API_KEY=" + alpha).secrets(alphaSecret);
        t.get("cookie key empty value", c, missing(), "Cookie: api_key=");
        t.get("cookie key no cookie", c, missing());
        t.get("cookie key sent as header", c, missing(), "api_key: " + alpha).secrets(alphaSecret);
        t.target("cookie key sent as query parameter", c, c.path + "?api_key=" + alpha, missing());
        t.get("cookie key sent as X-API-KEY header", c, missing(), "X-API-KEY: " + alpha).secrets(alphaSecret);
        t.get("cookie key in Set-Cookie (a response header)", c, missing(), "Set-Cookie: api_key=" + alpha)
            .secrets(alphaSecret);
        t.get("cookie key garbage cookie header", c, missing(), "Cookie: ;;;==;; ; =");
        t.get("cookie key raw NUL", c, refused(), "Cookie: api_key=alpha.\0" + alphaSecret).secrets(alphaSecret);
    }

    private void jwtRows(Corpus.Table t) {
        for (Endpoint e : List.of(Endpoint.OAUTH2, Endpoint.OIDC)) {
            String p = (e == Endpoint.OAUTH2) ? "oauth2 " : "oidc ";
            String eve = this.issuer.issue("eve", List.of(), Duration.ofHours(1)).value();
            for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
                t.get(p + "eve, scheme '" + scheme + "'", e, ok("eve"), "Authorization: " + scheme + " "
                        + eve).secrets(eve);
            }
            t.get(p + "fay, signed by the test", e, ok("fay"), "Authorization: Bearer " + Tokens.valid("fay"));
            t.get(p + "signed with another secret", e, invalid(),
                    "Authorization: Bearer " + Tokens.withSecret(Tokens.OTHER_SECRET, Tokens.claims("eve").build()));
            t.get(p + "expired", e, invalid(), "Authorization: Bearer " + Tokens.expired("eve"));
            t.get(p + "not yet valid", e, invalid(), "Authorization: Bearer " + Tokens.notYetValid("eve"));
            t.get(p + "another issuer", e, invalid(),
                    "Authorization: Bearer " + Tokens.withSecret(Tokens.SECRET,
                            Tokens.claims("eve").issuer("evil").build()));
            t.get(p + "no expiry", e, invalid(), "Authorization: Bearer "
                    + Tokens.withSecret(Tokens.SECRET, Tokens.claims("eve").expirationTime(null).build()));
            t.get(p + "no subject", e, invalid(),
                    "Authorization: Bearer " + Tokens.withSecret(Tokens.SECRET,
                            Tokens.claims("eve").subject(null).build()));
            t.get(p + "typ dpop+jwt", e, invalid(), "Authorization: Bearer " + Tokens.wrongType("eve"));
            t.get(p + "unknown critical header", e, invalid(), "Authorization: Bearer "
                    + Tokens.unknownCritical("eve"));
            t.get(p + "alg none", e, invalid(), "Authorization: Bearer " + Tokens.unsigned("none", "eve"));
            t.get(p + "alg NONE", e, invalid(), "Authorization: Bearer " + Tokens.unsigned("NONE", "eve"));
            t.get(p + "alg RS256 over an HMAC signature", e, invalid(),
                    "Authorization: Bearer " + Tokens.algorithmConfusion("eve"));
            t.get(p + "claims of eve, signature of gus", e, invalid(),
                    "Authorization: Bearer " + Tokens.swappedSignature("eve", "gus"));
            String[] parts = eve.split("\\.");
            t.get(p + "signature stripped", e, invalid(), "Authorization: Bearer " + parts[0] + "." + parts[1] + ".");
            t.get(p + "signature truncated", e, invalid(),
                    "Authorization: Bearer " + eve.substring(0, eve.length() - 4));
            t.get(p + "four parts", e, invalid(), "Authorization: Bearer " + eve + ".AAAA");
            t.get(p + "JWE-shaped", e, invalid(), "Authorization: Bearer " + parts[0] + ".." + parts[1] + ".."
                    + parts[2]);
            t.get(p + "padded base64url", e, invalid(), "Authorization: Bearer " + parts[0] + "==." + parts[1] + "."
                    + parts[2]);
            t.get(p + "two dots only", e, invalid(), "Authorization: Bearer ..");
            t.get(p + "garbage", e, invalid(), "Authorization: Bearer a.b.c");
            t.get(p + "header not JSON", e, invalid(), "Authorization: Bearer " + Tokens.b64("{\"alg\":") + "."
                    + parts[1] + "."
                    + parts[2]);
            t.get(p + "token of 7 KiB", e, invalid(), "Authorization: Bearer " + parts[0] + "." + "A".repeat(7000) + "."
                    + parts[2]);
            t.get(p + "token with an inner space", e, invalid(),
                    "Authorization: Bearer " + parts[0] + ". " + parts[1] + "." + parts[2]);
            t.get(p + "no header", e, missing());
            t.target(p + "access_token query parameter alone", e, e.path + "?access_token=" + eve, missing());
            t.get(p + "token in a cookie", e, missing(), "Cookie: access_token=" + eve).secrets(eve);
            t.get(p + "raw NUL in the token", e, refused(), "Authorization: Bearer " + parts[0] + ".\0" + parts[1] + "."
                    + parts[2]);
            t.get(p + "64 KiB token", e, refusedOrClosed(), "Authorization: Bearer " + "A".repeat(65536));
            if (e == Endpoint.OAUTH2) {
                t.get(p + "scheme only", e, unauthorized(), "Authorization: Bearer");
                t.get(p + "basic credentials", e, missing(),
                        "Authorization: " + basic("Basic", "eve:" + PASSWORDS.get("eve")))
                    .secrets(PASSWORDS.get("eve"));
                t.get(p + "token without a scheme", e, missing(), "Authorization: " + eve).secrets(eve);
            }
            else {
                t.get(p + "scheme only", e, invalid(), "Authorization: Bearer");
                t.get(p + "basic credentials", e, invalid(),
                        "Authorization: " + basic("Basic", "eve:" + PASSWORDS.get("eve")))
                    .secrets(PASSWORDS.get("eve"));
                t.get(p + "token without a scheme", e, invalid(), "Authorization: " + eve).secrets(eve);
            }
        }
    }

    private static void tokenEndpointRows(Corpus.Table t) {
        Endpoint e = Endpoint.TOKEN;
        String form = "application/x-www-form-urlencoded";
        String ann = PASSWORDS.get("ann");
        String grant = "grant_type=password&";
        t.post("token ann right password", e, form, grant + "username=ann&password=" + ann, status(200, null));
        t.post("token ann wrong password", e, form, grant + "username=ann&password=wrong-pass-1",
                status(400, "invalid_grant"));
        t.post("token stanley (bcrypt) wrong password", e, form, grant + "username=stanley&password=hunter22",
                status(400, "invalid_grant"));
        t.post("token unknown user", e, form, grant + "username=nobody&password=" + ann,
                status(400, "invalid_grant"));
        t.post("token encoded NUL in the password", e, form, grant + "username=ann&password=" + ann + "%00",
                status(400, "invalid_request"));
        t.post("token without grant_type", e, form, "username=ann&password=" + ann, status(400, "invalid_request"));
        t.post("token empty password", e, form, grant + "username=ann&password=", status(400, "invalid_request"));
        t.post("token no password", e, form, grant + "username=ann", status(400, "invalid_request"));
        t.post("token bad percent-encoding", e, form, grant + "username=ann&password=%zz" + ann,
                status(400, "invalid_request"));
        t.post("token JSON body", e, "application/json", "{\"username\":\"ann\",\"password\":\"" + ann + "\"}",
                refused());
        t.post("token content type starting with a quote", e, "\"o/y8N?yGA,?kI#:]?",
                grant + "username=ann&password=" + ann, refused());
        t.post("token content type without a subtype", e, "application/", grant + "username=ann&password=" + ann,
                refused());
    }

    private static void pathRows(Corpus.Table t) {
        Endpoint b = Endpoint.BASIC;
        t.target("path trailing slash", b, "/basic/", refused());
        t.target("path upper case", b, "/BASIC", refused());
        t.target("path matrix parameter", b, "/basic;jsessionid=x", missing());
        t.target("path dot segment", b, "/./basic", refused());
        t.target("path dot-dot segment", b, "/x/../basic", refused());
        t.target("path encoded slash", b, "/%2Fbasic", refused());
        t.target("path double slash", b, "//basic", refused());
        t.target("path encoded dot-dot", b, "/x/%2e%2e/basic", refused());
        t.line("path absolute-form request target, other authority than Host", b, "GET http://127.0.0.1/basic HTTP/1.1",
                refused());
        t.line("path HEAD request", b, "HEAD /basic HTTP/1.1", unauthorized());
        t.line("path HTTP/1.0 request", b, "GET /basic HTTP/1.0", missing());
        t.line("path unknown method", b, "PATCH /basic HTTP/1.1", refused());
    }
}
