package io.github.padlock.openapi;

import io.github.padlock.scheme.SecuritySchemeModel;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;

/**
 * Translates Padlock's library-free {@link SecuritySchemeModel} into swagger-models' {@link SecurityScheme}, leaving
 * absent fields {@code null} so that they are dropped from the document (OAuth2 {@code scopes} are always written).
 */
final class OpenApiSecuritySchemes {

    private OpenApiSecuritySchemes() {
    }

    static SecurityScheme toOpenApi(SecuritySchemeModel model) {
        SecurityScheme scheme = new SecurityScheme().description(model.description());
        if (model instanceof SecuritySchemeModel.Http http) {
            return scheme.type(SecurityScheme.Type.HTTP).scheme(http.scheme()).bearerFormat(http.bearerFormat());
        }
        if (model instanceof SecuritySchemeModel.ApiKey apiKey) {
            return scheme.type(SecurityScheme.Type.APIKEY).name(apiKey.name()).in(in(apiKey.in()));
        }
        if (model instanceof SecuritySchemeModel.OAuth2 oauth2) {
            SecuritySchemeModel.Flows flows = oauth2.flows();
            return scheme.type(SecurityScheme.Type.OAUTH2)
                .flows(new OAuthFlows().implicit(flow(flows.implicit()))
                    .password(flow(flows.password()))
                    .clientCredentials(flow(flows.clientCredentials()))
                    .authorizationCode(flow(flows.authorizationCode())));
        }
        SecuritySchemeModel.OpenIdConnect openIdConnect = (SecuritySchemeModel.OpenIdConnect) model;
        return scheme.type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(openIdConnect.openIdConnectUrl());
    }

    private static SecurityScheme.In in(SecuritySchemeModel.Location location) {
        return switch (location) {
            case QUERY -> SecurityScheme.In.QUERY;
            case HEADER -> SecurityScheme.In.HEADER;
            case COOKIE -> SecurityScheme.In.COOKIE;
        };
    }

    private static @Nullable OAuthFlow flow(SecuritySchemeModel.@Nullable Flow flow) {
        if (flow == null) {
            return null;
        }
        Scopes scopes = new Scopes();
        scopes.putAll(flow.scopes());
        return new OAuthFlow().authorizationUrl(flow.authorizationUrl())
            .tokenUrl(flow.tokenUrl())
            .refreshUrl(flow.refreshUrl())
            .scopes(scopes);
    }
}
