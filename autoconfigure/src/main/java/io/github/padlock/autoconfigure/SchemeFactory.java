package io.github.padlock.autoconfigure;

import java.util.Locale;
import java.util.Map;

import io.github.padlock.autoconfigure.PadlockProperties.FlowType;
import io.github.padlock.autoconfigure.PadlockProperties.Scheme;
import io.github.padlock.scheme.AbstractSecurityScheme;
import io.github.padlock.scheme.ApiKeyCookie;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.ApiKeyQuery;
import io.github.padlock.scheme.ApiKeyScheme;
import io.github.padlock.scheme.HttpBase;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.HttpDigest;
import io.github.padlock.scheme.OAuth2;
import io.github.padlock.scheme.OAuth2AuthorizationCodeBearer;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import io.github.padlock.scheme.OpenIdConnect;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the scheme that {@code padlock.schemes.<bean-name>} describes, refusing a missing or invalid option with
 * the property's name.
 */
final class SchemeFactory {

    private final String prefix;

    private final Scheme properties;

    private final @Nullable String defaultTokenUrl;

    private SchemeFactory(String beanName, Scheme properties, @Nullable String defaultTokenUrl) {
        this.prefix = "padlock.schemes." + beanName;
        this.properties = properties;
        this.defaultTokenUrl = defaultTokenUrl;
    }

    /**
     * @param beanName the scheme's bean name
     * @param properties its options
     * @param defaultTokenUrl the token endpoint's URL when Padlock serves one, else {@code null}
     * @return the scheme
     */
    static SecurityScheme<?> create(String beanName, Scheme properties, @Nullable String defaultTokenUrl) {
        return new SchemeFactory(beanName, properties, defaultTokenUrl).create();
    }

    private SecurityScheme<?> create() {
        PadlockProperties.SchemeType type = this.properties.getType();
        if (type == null) {
            throw invalid("type", null, "Set the kind of scheme, such as http-basic or oauth2-password-bearer");
        }
        try {
            return switch (type) {
                case HTTP_BASIC -> common(HttpBasic.builder().realm(this.properties.getRealm())).build();
                case HTTP_BEARER -> common(HttpBearer.builder().bearerFormat(this.properties.getBearerFormat()))
                    .build();
                case HTTP_DIGEST -> common(HttpDigest.builder()).build();
                case HTTP_BASE -> common(HttpBase.builder(required("scheme", this.properties.getScheme()))).build();
                case API_KEY_HEADER -> apiKey(ApiKeyHeader.builder()).build();
                case API_KEY_QUERY -> apiKey(ApiKeyQuery.builder()).build();
                case API_KEY_COOKIE -> apiKey(ApiKeyCookie.builder()).build();
                case OAUTH2 -> oauth2();
                case OAUTH2_PASSWORD_BEARER -> common(OAuth2PasswordBearer.builder(tokenUrl("token-url", this.properties.getTokenUrl()))
                    .refreshUrl(this.properties.getRefreshUrl())
                    .scopes(this.properties.getScopes())).build();
                case OAUTH2_AUTHORIZATION_CODE_BEARER -> common(OAuth2AuthorizationCodeBearer
                    .builder(required("authorization-url", this.properties.getAuthorizationUrl()),
                            tokenUrl("token-url", this.properties.getTokenUrl()))
                    .refreshUrl(this.properties.getRefreshUrl())
                    .scopes(this.properties.getScopes())).build();
                case OPENID_CONNECT -> common(OpenIdConnect.builder(required("open-id-connect-url",
                        this.properties.getOpenIdConnectUrl()))).build();
            };
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(this.prefix, type, ex.getMessage());
        }
    }

    private <B extends AbstractSecurityScheme.Builder<B>> B common(B builder) {
        return builder.schemeName(this.properties.getSchemeName())
            .description(this.properties.getDescription())
            .autoError(this.properties.isAutoError());
    }

    private <B extends ApiKeyScheme.Builder<B>> B apiKey(B builder) {
        return common(builder).name(required("name", this.properties.getName()));
    }

    private OAuth2 oauth2() {
        OAuth2.Builder builder = common(OAuth2.builder());
        for (Map.Entry<FlowType, PadlockProperties.Flow> entry : this.properties.getFlows().entrySet()) {
            PadlockProperties.Flow flow = entry.getValue();
            String flowPrefix = "flows." + kebabCase(entry.getKey()) + ".";
            switch (entry.getKey()) {
                case IMPLICIT -> builder.implicitFlow(required(flowPrefix + "authorization-url",
                        flow.getAuthorizationUrl()), flow.getRefreshUrl(), flow.getScopes());
                case PASSWORD -> builder.passwordFlow(tokenUrl(flowPrefix + "token-url", flow.getTokenUrl()), flow.getRefreshUrl(),
                        flow.getScopes());
                case CLIENT_CREDENTIALS -> builder.clientCredentialsFlow(required(flowPrefix + "token-url",
                        flow.getTokenUrl()), flow.getRefreshUrl(), flow.getScopes());
                case AUTHORIZATION_CODE -> builder.authorizationCodeFlow(required(flowPrefix + "authorization-url",
                        flow.getAuthorizationUrl()), required(flowPrefix + "token-url", flow.getTokenUrl()),
                        flow.getRefreshUrl(), flow.getScopes());
            }
        }
        return builder.build();
    }

    /** A token URL, which may be left out when Padlock serves the token endpoint. */
    private String tokenUrl(String option, @Nullable String tokenUrl) {
        return (tokenUrl == null && this.defaultTokenUrl != null) ? this.defaultTokenUrl : required(option, tokenUrl);
    }

    private String required(String option, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(option, value, "It is required for type " + kebabCase(this.properties.getType()));
        }
        return value;
    }

    /** How a constant is spelled in {@code application.yml}: {@code AUTHORIZATION_CODE} → {@code authorization-code}. */
    private static String kebabCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private InvalidConfigurationPropertyValueException invalid(String option, @Nullable Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(this.prefix + "." + option, value, reason);
    }
}
