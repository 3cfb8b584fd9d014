package io.github.padlock.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.padlock.web.Corpus.Endpoint;
import io.github.padlock.web.Corpus.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.padlock.web.Corpus.basic;
import static io.github.padlock.web.Corpus.invalidRequest;
import static io.github.padlock.web.HostileTestApplication.API_KEYS;
import static io.github.padlock.web.HostileTestApplication.DIGEST_CREDENTIALS;
import static io.github.padlock.web.HostileTestApplication.PASSWORDS;

/**
 * Ambiguous credentials, over raw sockets against every scheme that reads {@code Authorization}, every API-key
 * place and every bearer-family scheme: several {@code Authorization} headers, several values of an API key, and a
 * bearer token sent both in the header and as an {@code access_token} query parameter all answer 400
 * {@code invalid_request} (RFC 6750 §2, §3.1; RFC 9110 §5.3), with {@code WWW-Authenticate:
 * Bearer error="invalid_request"} for the bearer family only.
 */
@SpringBootTest(classes = HostileTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:hostile/hostile.yml")
class DuplicateCredentialCorpusTests {

    static final String SEVERAL_AUTHORIZATION = "Several Authorization headers";

    static final String MORE_THAN_ONE_WAY = "Bearer token sent in more than one way";

    static final String INVALID_REQUEST = "Bearer error=\"invalid_request\"";

    private static final Corpus.Histogram histogram = new Corpus.Histogram();

    @LocalServerPort
    private int port;

    @TestFactory
    Stream<DynamicTest> corpusWhenSeveralCredentialsThenInvalidRequest() {
        return rows().stream()
            .map((row) -> DynamicTest.dynamicTest(row.name() + " -> " + row.expect(),
                    () -> Corpus.check(row, this.port, histogram)));
    }

    @AfterAll
    static void summary() throws IOException {
        histogram.write(Path.of("target", "hostile-corpus-ambiguous.tsv"));
        System.out.println("Hostile corpus " + histogram.summary("DuplicateCredentialCorpusTests"));
    }

    private static List<Row> rows() {
        Corpus.Table t = new Corpus.Table();
        String ann = basic("Basic", "ann:" + PASSWORDS.get("ann"));
        String bob = basic("Basic", "bob:" + PASSWORDS.get("bob"));
        String opaque = "Bearer opaque-ann-6c1f0e9b2d7a4458";
        String jwt = "Bearer " + Tokens.valid("eve");
        String otherJwt = "Bearer " + Tokens.valid("fay");
        // 1. Several Authorization headers, whatever they hold.
        severalAuthorization(t, Endpoint.BASIC, null, ann, bob);
        t.get("basic same credentials twice", Endpoint.BASIC, invalidRequest(SEVERAL_AUTHORIZATION, null),
                "Authorization: " + ann, "Authorization: " + ann);
        t.get("basic header names in two casings", Endpoint.BASIC, invalidRequest(SEVERAL_AUTHORIZATION, null),
                "Authorization: " + ann, "authorization: " + ann);
        t.get("basic empty header then credentials", Endpoint.BASIC, invalidRequest(SEVERAL_AUTHORIZATION, null),
                "Authorization:", "Authorization: " + ann);
        t.get("basic three headers", Endpoint.BASIC, invalidRequest(SEVERAL_AUTHORIZATION, null),
                "Authorization: " + bob, "Authorization: Bearer x", "Authorization: " + ann);
        severalAuthorization(t, Endpoint.BEARER, INVALID_REQUEST, opaque, "Bearer opaque-bob-0a93d5e7c1b24f66");
        t.get("bearer same token twice", Endpoint.BEARER, invalidRequest(SEVERAL_AUTHORIZATION, INVALID_REQUEST),
                "Authorization: " + opaque, "Authorization: " + opaque);
        severalAuthorization(t, Endpoint.DIGEST, null, "Digest " + DIGEST_CREDENTIALS, "Digest username=\"x\"");
        severalAuthorization(t, Endpoint.OAUTH2, INVALID_REQUEST, jwt, otherJwt);
        t.get("oauth2 same token twice", Endpoint.OAUTH2, invalidRequest(SEVERAL_AUTHORIZATION, INVALID_REQUEST),
                "Authorization: " + jwt, "Authorization: " + jwt);
        severalAuthorization(t, Endpoint.OIDC, INVALID_REQUEST, jwt, otherJwt);
        // 2. Several values of an API key.
        String alpha = API_KEYS.get("alpha");
        String beta = API_KEYS.get("beta");
        String severalHeader = "Several values for API key X-API-KEY";
        String severalParam = "Several values for API key api_key";
        t.get("header key two headers", Endpoint.HEADER_KEY, invalidRequest(severalHeader, null), "X-API-KEY: " + alpha,
                "X-API-KEY: " + beta);
        t.get("header key same key twice", Endpoint.HEADER_KEY, invalidRequest(severalHeader, null),
                "X-API-KEY: " + alpha, "x-api-key: " + alpha);
        t.get("header key wrong then right", Endpoint.HEADER_KEY, invalidRequest(severalHeader, null),
                "X-API-KEY: alpha.wrong-secret", "X-API-KEY: " + alpha);
        t.target("query key two parameters", Endpoint.QUERY_KEY,
                "/key/query?api_key=" + alpha + "&api_key=" + beta, invalidRequest(severalParam, null));
        t.target("query key same key twice", Endpoint.QUERY_KEY,
                "/key/query?api_key=" + alpha + "&api_key=" + alpha, invalidRequest(severalParam, null));
        t.target("query key empty then right", Endpoint.QUERY_KEY,
                "/key/query?api_key=&api_key=" + alpha, invalidRequest(severalParam, null));
        t.get("cookie key two cookies in one header", Endpoint.COOKIE_KEY, invalidRequest(severalParam, null),
                "Cookie: api_key=" + alpha + "; api_key=" + beta);
        t.get("cookie key two Cookie headers", Endpoint.COOKIE_KEY, invalidRequest(severalParam, null),
                "Cookie: api_key=" + alpha, "Cookie: api_key=" + beta);
        // 3. A bearer token in the header and in the query.
        bothWays(t, Endpoint.BEARER, "opaque-ann-6c1f0e9b2d7a4458", "opaque-bob-0a93d5e7c1b24f66");
        bothWays(t, Endpoint.OAUTH2, jwt.substring(7), otherJwt.substring(7));
        bothWays(t, Endpoint.OIDC, jwt.substring(7), otherJwt.substring(7));
        List<Row> rows = t.rows();
        System.out.println("Hostile corpus (ambiguous credentials): " + rows.size() + " rows");
        return rows;
    }

    private static void severalAuthorization(Corpus.Table t, Endpoint endpoint, @Nullable String challenge,
            String first, String second) {
        String p = endpoint.name().toLowerCase() + " ";
        t.get(p + "two Authorization headers, two users", endpoint, invalidRequest(SEVERAL_AUTHORIZATION, challenge),
                "Authorization: " + first, "Authorization: " + second);
        t.get(p + "right then garbage", endpoint, invalidRequest(SEVERAL_AUTHORIZATION, challenge),
                "Authorization: " + first, "Authorization: garbage");
        t.get(p + "right then another scheme", endpoint, invalidRequest(SEVERAL_AUTHORIZATION, challenge),
                "Authorization: " + first,
                "Authorization: " + (first.startsWith("Basic") ? "Bearer opaque-ann-6c1f0e9b2d7a4458"
                        : basic("Basic", "ann:" + PASSWORDS.get("ann"))));
    }

    private static void bothWays(Corpus.Table t, Endpoint endpoint, String token, String otherToken) {
        String p = endpoint.name().toLowerCase() + " ";
        String detail = MORE_THAN_ONE_WAY;
        t.target(p + "same token in header and query", endpoint, endpoint.path + "?access_token=" + token,
                invalidRequest(detail, INVALID_REQUEST), "Authorization: Bearer " + token);
        t.target(p + "different tokens in header and query", endpoint, endpoint.path + "?access_token=" + otherToken,
                invalidRequest(detail, INVALID_REQUEST), "Authorization: Bearer " + token);
        t.target(p + "lower-case scheme, token in query too", endpoint,
                endpoint.path + "?a=1&access_token=" + token, invalidRequest(detail, INVALID_REQUEST),
                "Authorization: bearer " + token);
    }
}
