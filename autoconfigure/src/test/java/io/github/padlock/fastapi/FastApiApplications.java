package io.github.padlock.fastapi;

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
    @Import({ ApiKeyCookieTests.Endpoint.class, ApiKeyHeaderTests.Endpoint.class, ApiKeyQueryTests.Endpoint.class,
            HttpBaseTests.Endpoint.class, HttpBasicRealmTests.Endpoint.class, HttpBearerTests.Endpoint.class,
            HttpDigestTests.Endpoint.class, OAuth2AuthorizationCodeBearerTests.Endpoint.class,
            OAuth2Tests.Endpoint.class, OAuth2PasswordBearerTests.Endpoint.class, OpenIdConnectTests.Endpoint.class })
    static class PlainApp {

    }

    /** The variants with {@code auto_error=False} and no description. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ ApiKeyCookieOptionalTests.Endpoint.class, ApiKeyHeaderOptionalTests.Endpoint.class,
            ApiKeyQueryOptionalTests.Endpoint.class, HttpBaseOptionalTests.Endpoint.class,
            HttpBasicOptionalTests.Endpoint.class, HttpBearerOptionalTests.Endpoint.class,
            HttpDigestOptionalTests.Endpoint.class, OAuth2AuthorizationCodeBearerOptionalTests.Endpoint.class,
            OAuth2OptionalTests.Endpoint.class, OAuth2PasswordBearerOptionalTests.Endpoint.class,
            OpenIdConnectOptionalTests.Endpoint.class })
    static class OptionalApp {

    }

    /** The variants with a description (OAuth2's and OAuth2PasswordBearer's are optional as well). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ ApiKeyCookieDescriptionTests.Endpoint.class, ApiKeyHeaderDescriptionTests.Endpoint.class,
            ApiKeyQueryDescriptionTests.Endpoint.class, HttpBaseDescriptionTests.Endpoint.class,
            HttpBasicRealmDescriptionTests.Endpoint.class, HttpBearerDescriptionTests.Endpoint.class,
            HttpDigestDescriptionTests.Endpoint.class, OAuth2AuthorizationCodeBearerDescriptionTests.Endpoint.class,
            OAuth2OptionalDescriptionTests.Endpoint.class,
            OAuth2PasswordBearerOptionalDescriptionTests.Endpoint.class,
            OpenIdConnectDescriptionTests.Endpoint.class })
    static class DescriptionApp {

    }

    /** A fourth {@code OAuth2AuthorizationCodeBearer}: with scopes and a refresh URL. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OAuth2AuthorizationCodeBearerScopesTests.Endpoint.class)
    static class ScopesApp {

    }
}
