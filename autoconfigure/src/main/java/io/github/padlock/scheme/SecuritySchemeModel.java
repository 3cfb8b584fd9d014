package io.github.padlock.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An OpenAPI 3 Security Scheme Object, free of any OpenAPI library: what a {@link SecurityScheme} contributes to
 * {@code components.securitySchemes}. Absent optional fields are {@code null} and left out of the document, as
 * FastAPI leaves out {@code None} fields.
 */
public sealed interface SecuritySchemeModel permits SecuritySchemeModel.Http, SecuritySchemeModel.ApiKey,
        SecuritySchemeModel.OAuth2, SecuritySchemeModel.OpenIdConnect {

    /**
     * @return the description shown in the documentation, or {@code null}
     */
    @Nullable String description();

    /**
     * {@code {"type": "http", "scheme": ..., "bearerFormat"?: ..., "description"?: ...}}.
     *
     * @param scheme the HTTP authentication scheme, such as {@code basic} (RFC 9110 §11.1), as given
     * @param bearerFormat a hint at the bearer token's format, such as {@code JWT}
     * @param description the description shown in the documentation
     */
    record Http(String scheme, @Nullable String bearerFormat, @Nullable String description)
            implements SecuritySchemeModel {
    }

    /**
     * {@code {"type": "apiKey", "name": ..., "in": ..., "description"?: ...}}.
     *
     * @param name the name of the header, query parameter or cookie
     * @param in where the key is sent
     * @param description the description shown in the documentation
     */
    record ApiKey(String name, Location in, @Nullable String description) implements SecuritySchemeModel {
    }

    /**
     * {@code {"type": "oauth2", "flows": {...}, "description"?: ...}}.
     *
     * @param flows the flows the authorization server supports
     * @param description the description shown in the documentation
     */
    record OAuth2(Flows flows, @Nullable String description) implements SecuritySchemeModel {
    }

    /**
     * {@code {"type": "openIdConnect", "openIdConnectUrl": ..., "description"?: ...}}.
     *
     * @param openIdConnectUrl the OpenID Connect discovery URL, as given
     * @param description the description shown in the documentation
     */
    record OpenIdConnect(String openIdConnectUrl, @Nullable String description) implements SecuritySchemeModel {
    }

    /**
     * Where an API key is sent.
     */
    enum Location {

        /** a query parameter */
        QUERY("query"),
        /** a request header */
        HEADER("header"),
        /** a cookie */
        COOKIE("cookie");

        private final String value;

        Location(String value) {
            this.value = value;
        }

        /**
         * @return the OpenAPI value of {@code in}
         */
        public String value() {
            return this.value;
        }
    }

    /**
     * An OpenAPI OAuth Flows Object; absent flows are {@code null}.
     *
     * @param implicit the implicit flow
     * @param password the resource owner password flow
     * @param clientCredentials the client credentials flow
     * @param authorizationCode the authorization code flow
     */
    record Flows(@Nullable Flow implicit, @Nullable Flow password, @Nullable Flow clientCredentials,
            @Nullable Flow authorizationCode) {

        /** No flows: {@code "flows": {}}. */
        public static final Flows NONE = new Flows(null, null, null, null);
    }

    /**
     * An OpenAPI OAuth Flow Object. URLs are emitted verbatim (a relative {@code token} stays relative).
     *
     * @param authorizationUrl the authorization endpoint (implicit and authorization code flows)
     * @param tokenUrl the token endpoint (password, client credentials and authorization code flows)
     * @param refreshUrl the refresh endpoint, if any
     * @param scopes the available scopes and their descriptions, in order; always present, {@code {}} when none
     */
    record Flow(@Nullable String authorizationUrl, @Nullable String tokenUrl, @Nullable String refreshUrl,
            Map<String, String> scopes) {

        /**
         * Copies the scopes, keeping their order.
         *
         * @param authorizationUrl the authorization endpoint (implicit and authorization code flows)
         * @param tokenUrl the token endpoint (password, client credentials and authorization code flows)
         * @param refreshUrl the refresh endpoint, if any
         * @param scopes the available scopes and their descriptions
         */
        public Flow {
            scopes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(scopes, "scopes")));
        }
    }
}
