package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


import static io.github.padlock.scheme.SchemeAssertions.assertInvalidRequest;
import static io.github.padlock.scheme.SchemeAssertions.assertNotAuthenticated;
import static io.github.padlock.scheme.SchemeAssertions.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link OAuth2}, {@link OAuth2PasswordBearer}, {@link OAuth2AuthorizationCodeBearer} and {@link OpenIdConnect}
 * against FastAPI §2.7–§2.10 and §3.
 */
class OAuth2SchemeTests {

    private final OAuth2PasswordBearer password = OAuth2PasswordBearer.builder("/token").build();

    private final OAuth2AuthorizationCodeBearer code = OAuth2AuthorizationCodeBearer.builder("authorize", "token")
        .build();

    private final OAuth2 oauth2 = OAuth2.builder().build();

    private final OpenIdConnect openIdConnect = OpenIdConnect.builder("/openid").build();

    @Test
    void resolveWhenSeveralHeadersThenInvalidRequestWithBearerChallengeEvenWithAutoErrorOff() {
        for (SecurityScheme<?> scheme : everyScheme()) {
            assertInvalidRequest(scheme, authorization("Bearer first", "Bearer second"),
                    "Several Authorization headers", "Bearer error=\"invalid_request\"", "first", "second");
            assertInvalidRequest(scheme, authorization("Other first", "Bearer second"),
                    "Several Authorization headers", "Bearer error=\"invalid_request\"", "first", "second");
        }
    }

    @Test
    void resolveWhenBearerHeaderAndAccessTokenQueryThenInvalidRequestEvenWithAutoErrorOff() {
        for (SecurityScheme<?> scheme : everyScheme()) {
            TestRequest request = authorization("Bearer first");
            request.setQueryString("scope=a&access_token=second");
            assertInvalidRequest(scheme, request, "Bearer token sent in more than one way",
                    "Bearer error=\"invalid_request\"", "first", "second");
        }
    }

    @Test
    void resolveWhenOtherSchemeAndAccessTokenQueryThenAsBefore() {
        TestRequest request = authorization("Other first");
        request.setQueryString("access_token=second");
        assertThat(this.oauth2.resolve(request)).isEqualTo("Other first");
        assertThat(this.openIdConnect.resolve(request)).isEqualTo("Other first");
        assertNotAuthenticated(this.password, request, "Bearer");
        assertThat(OAuth2PasswordBearer.builder("/token").autoError(false).build().resolve(request)).isNull();
    }

    private static List<SecurityScheme<?>> everyScheme() {
        return List.of(OAuth2PasswordBearer.builder("/token").autoError(false).build(),
                OAuth2AuthorizationCodeBearer.builder("authorize", "token").autoError(false).build(),
                OAuth2.builder().autoError(false).build(), OpenIdConnect.builder("/openid").autoError(false).build(),
                OAuth2PasswordBearer.builder("/token").build(), OpenIdConnect.builder("/openid").build());
    }

    @Test
    void resolveWhenBearerThenJustTheToken() {
        assertThat(this.password.resolve(authorization("Bearer testtoken"))).isEqualTo("testtoken");
        assertThat(this.password.resolve(authorization("bearer  testtoken "))).isEqualTo("testtoken");
        assertThat(this.code.resolve(authorization("Bearer testtoken"))).isEqualTo("testtoken");
    }

    @Test
    void resolveWhenBearerWithoutTokenThenEmptyToken() {
        assertThat(this.password.resolve(authorization("Bearer"))).isEmpty();
        assertThat(this.code.resolve(authorization("Bearer "))).isEmpty();
    }

    @Test
    void resolveWhenMissingOrOtherSchemeThenUnauthorizedBearer() {
        for (SecurityScheme<?> scheme : new SecurityScheme<?>[] { this.password, this.code }) {
            assertNotAuthenticated(scheme, authorization(), "Bearer");
            assertNotAuthenticated(scheme, authorization("Notexistent testtoken"), "Bearer");
        }
    }

    @Test
    void resolveWhenAutoErrorOffThenNullForMissingOrOtherScheme() {
        OAuth2PasswordBearer optional = OAuth2PasswordBearer.builder("/token").autoError(false).build();
        assertThat(optional.resolve(authorization())).isNull();
        assertThat(optional.resolve(authorization("Notexistent testtoken"))).isNull();
    }

    @Test
    void resolveWhenGenericOAuth2OrOpenIdConnectThenWholeHeader() {
        assertThat(this.oauth2.resolve(authorization("Other footokenbar"))).isEqualTo("Other footokenbar");
        assertThat(this.openIdConnect.resolve(authorization("Bearer footokenbar"))).isEqualTo("Bearer footokenbar");
        assertNotAuthenticated(this.oauth2, authorization(), "Bearer");
        assertNotAuthenticated(this.openIdConnect, authorization(), "Bearer");
        assertNotAuthenticated(this.openIdConnect, authorization(""), "Bearer");
        assertThat(OAuth2.builder().autoError(false).build().resolve(authorization())).isNull();
        assertThat(OpenIdConnect.builder("/openid").autoError(false).build().resolve(authorization())).isNull();
    }

    @Test
    void modelWhenPasswordBearerThenPasswordFlowWithScopesAlwaysPresent() {
        assertThat(this.password.schemeName()).isEqualTo("OAuth2PasswordBearer");
        assertThat(this.password.model()).isEqualTo(new SecuritySchemeModel.OAuth2(new SecuritySchemeModel.Flows(null,
                new SecuritySchemeModel.Flow(null, "/token", null, Map.of()), null, null), null));
    }

    @Test
    void modelWhenAuthorizationCodeBearerThenAuthorizationCodeFlowInScopeOrder() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("read", "Read it");
        scopes.put("write", "Write it");
        OAuth2AuthorizationCodeBearer scheme = OAuth2AuthorizationCodeBearer.builder("authorize", "token")
            .refreshUrl("refresh")
            .scopes(scopes)
            .description("OAuth2 Code Bearer")
            .build();
        assertThat(scheme.schemeName()).isEqualTo("OAuth2AuthorizationCodeBearer");
        SecuritySchemeModel.Flow flow = ((SecuritySchemeModel.OAuth2) scheme.model()).flows().authorizationCode();
        assertThat(flow).isEqualTo(new SecuritySchemeModel.Flow("authorize", "token", "refresh", scopes));
        assertThat(flow.scopes().keySet()).containsExactly("read", "write");
        assertThat(scheme.model().description()).isEqualTo("OAuth2 Code Bearer");
    }

    @Test
    void modelWhenGenericOAuth2ThenEveryFlowGiven() {
        OAuth2 scheme = OAuth2.builder()
            .implicitFlow("/authorize", Map.of("a", "A"))
            .passwordFlow("/token", "/refresh", Map.of())
            .clientCredentialsFlow("/token", Map.of())
            .authorizationCodeFlow("/authorize", "/token", Map.of())
            .build();
        SecuritySchemeModel.Flows flows = ((SecuritySchemeModel.OAuth2) scheme.model()).flows();
        assertThat(flows.implicit()).isEqualTo(new SecuritySchemeModel.Flow("/authorize", null, null, Map.of("a", "A")));
        assertThat(flows.password()).isEqualTo(new SecuritySchemeModel.Flow(null, "/token", "/refresh", Map.of()));
        assertThat(flows.clientCredentials()).isEqualTo(new SecuritySchemeModel.Flow(null, "/token", null, Map.of()));
        assertThat(flows.authorizationCode())
            .isEqualTo(new SecuritySchemeModel.Flow("/authorize", "/token", null, Map.of()));
        assertThat(((SecuritySchemeModel.OAuth2) this.oauth2.model()).flows()).isEqualTo(SecuritySchemeModel.Flows.NONE);
        assertThat(this.oauth2.schemeName()).isEqualTo("OAuth2");
    }

    @Test
    void modelWhenOpenIdConnectThenUrl() {
        assertThat(this.openIdConnect.schemeName()).isEqualTo("OpenIdConnect");
        assertThat(this.openIdConnect.model()).isEqualTo(new SecuritySchemeModel.OpenIdConnect("/openid", null));
    }

    @Test
    void buildWhenUrlBlankThenRefused() {
        assertThat(catchThrowable(() -> OAuth2PasswordBearer.builder(" "))).hasMessageContaining("tokenUrl");
        assertThat(catchThrowable(() -> OpenIdConnect.builder(""))).hasMessageContaining("openIdConnectUrl");
    }
}
