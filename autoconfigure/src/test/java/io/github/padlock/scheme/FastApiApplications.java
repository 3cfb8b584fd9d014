package io.github.padlock.scheme;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The applications the FastAPI ports run in: four contexts for 34 test classes, since Spring's test context cache
 * gives every test class with the same {@code classes} and properties one context. Each port adds its scheme bean
 * and its {@code GET /<golden>/users/me}.
 * <p>
 * A scheme's OpenAPI component key defaults to FastAPI's class name, and Padlock refuses to start when two schemes
 * share a key, so an application holds at most one variant of each scheme class: the plain ones, the optional ones
 * ({@code auto_error=False}), the described ones, and the one left over.
 */
final class FastApiApplications {

    private FastApiApplications() {
    }

    /** The plain variants; HTTP Basic's has a realm. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ ApiKeyCookieFastApiTests.Endpoint.class,
            ApiKeyHeaderFastApiTests.Endpoint.class,
            ApiKeyQueryFastApiTests.Endpoint.class,
            HttpBaseFastApiTests.Endpoint.class,
            HttpBasicRealmFastApiTests.Endpoint.class,
            HttpBearerFastApiTests.Endpoint.class,
            HttpDigestFastApiTests.Endpoint.class,
            OAuth2AuthorizationCodeBearerFastApiTests.Endpoint.class,
            OAuth2FastApiTests.Endpoint.class,
            OAuth2PasswordBearerFastApiTests.Endpoint.class,
            OpenIdConnectFastApiTests.Endpoint.class })
    static class PlainApp {

    }

    /** The variants with {@code auto_error=False} and no description. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ ApiKeyCookieOptionalFastApiTests.Endpoint.class,
            ApiKeyHeaderOptionalFastApiTests.Endpoint.class,
            ApiKeyQueryOptionalFastApiTests.Endpoint.class,
            HttpBaseOptionalFastApiTests.Endpoint.class,
            HttpBasicOptionalFastApiTests.Endpoint.class,
            HttpBearerOptionalFastApiTests.Endpoint.class,
            HttpDigestOptionalFastApiTests.Endpoint.class,
            OAuth2AuthorizationCodeBearerOptionalFastApiTests.Endpoint.class,
            OAuth2OptionalFastApiTests.Endpoint.class,
            OAuth2PasswordBearerOptionalFastApiTests.Endpoint.class,
            OpenIdConnectOptionalFastApiTests.Endpoint.class })
    static class OptionalApp {

    }

    /** The variants with a description (OAuth2's and OAuth2PasswordBearer's are optional as well). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ ApiKeyCookieDescriptionFastApiTests.Endpoint.class,
            ApiKeyHeaderDescriptionFastApiTests.Endpoint.class,
            ApiKeyQueryDescriptionFastApiTests.Endpoint.class,
            HttpBaseDescriptionFastApiTests.Endpoint.class,
            HttpBasicRealmDescriptionFastApiTests.Endpoint.class,
            HttpBearerDescriptionFastApiTests.Endpoint.class,
            HttpDigestDescriptionFastApiTests.Endpoint.class,
            OAuth2AuthorizationCodeBearerDescriptionFastApiTests.Endpoint.class,
            OAuth2OptionalDescriptionFastApiTests.Endpoint.class,
            OAuth2PasswordBearerOptionalDescriptionFastApiTests.Endpoint.class,
            OpenIdConnectDescriptionFastApiTests.Endpoint.class })
    static class DescriptionApp {

    }

    /** A fourth {@code OAuth2AuthorizationCodeBearer}: with scopes and a refresh URL. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OAuth2AuthorizationCodeBearerScopesFastApiTests.Endpoint.class)
    static class ScopesApp {

    }
}
