package io.github.padlock.openapi;

import java.util.ArrayList;
import java.util.List;

import io.github.padlock.oauth2.OAuth2PasswordRequestFormStrict;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.github.padlock.oauth2.TokenRevocationEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents Padlock's {@link PasswordTokenEndpoint} as what it is rather than as a controller returning a map: the tag
 * {@code OAuth2} and a summary, its form body ({@code OAuth2PasswordRequestFormStrict}, or with refresh tokens one of
 * it and {@code RefreshTokenRequest}, RFC 6749 §6), its 200 body {@code TokenResponse} ({@code access_token},
 * {@code token_type}, {@code expires_in}, {@code scope}, and {@code refresh_token} with refresh tokens; RFC 6749 §5.1)
 * and its 400 body {@code TokenError}, the {@code Problem} with RFC 6749 §5.2's {@code error} and
 * {@code error_description}; with the brute-force limiter on, its 429 ({@code "error": "slow_down"}) with
 * {@code Retry-After}; with refresh tokens, its 503 ({@code temporarily_unavailable}). And the
 * {@link TokenRevocationEndpoint} (RFC 7009): the same tag, its form body {@code RevocationRequest}, its empty 200,
 * its 400 and its 503.
 */
final class TokenEndpointOperationCustomizer implements GlobalOperationComponentsCustomizer {

    static final String TAG = "OAuth2";

    private static final String FORM = org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

    private static final String STRICT_FORM = OAuth2PasswordRequestFormStrict.class.getSimpleName();

    private final boolean limited;

    private final boolean refreshTokens;

    /**
     * @param limited whether a brute-force limiter may answer 429
     * @param refreshTokens whether the token endpoint serves the refresh grant
     */
    TokenEndpointOperationCustomizer(boolean limited, boolean refreshTokens) {
        this.limited = limited;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        if (handlerMethod.getBeanType() == TokenRevocationEndpoint.class) {
            return revocation(operation, components);
        }
        if (handlerMethod.getBeanType() != PasswordTokenEndpoint.class) {
            return operation;
        }
        components.addSchemas(RefusalResponses.PROBLEM, RefusalResponses.problemSchema());
        components.addSchemas(STRICT_FORM, PasswordRequestFormOperationCustomizer.formSchema(true));
        components.addSchemas("TokenResponse", tokenResponse());
        components.addSchemas("TokenError", tokenError());
        Schema<?> body = reference(STRICT_FORM);
        String description = "OAuth 2.0 resource owner password grant (RFC 6749 §4.3): the user's name and password "
                + "for a bearer token granting the requested scopes, all the user's when none is requested.";
        if (this.refreshTokens) {
            components.addSchemas("RefreshTokenRequest", refreshTokenRequest());
            body = new Schema<>().oneOf(List.of(reference(STRICT_FORM), reference("RefreshTokenRequest")));
            description += " Also a refresh token (RFC 6749 §6) for a new access token and a new refresh token: each "
                    + "refresh token works once, and one used again revokes its whole family (RFC 9700 §4.14.2).";
        }
        operation.tags(List.of(TAG)).summary("Issue an access token").description(description)
            .requestBody(new RequestBody().required(true)
                .content(new Content().addMediaType(FORM, new MediaType().schema(body))
                    .addMediaType(MULTIPART, new MediaType().schema(body))));
        ApiResponses responses = new ApiResponses()
            .addApiResponse("200", new ApiResponse().description("The access token (RFC 6749 §5.1)")
                .addHeaderObject(HttpHeaders.CACHE_CONTROL, header("no-store"))
                .content(content(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, "TokenResponse")))
            .addApiResponse("400", tokenError("invalid_request, unsupported_grant_type, invalid_scope or "
                    + "invalid_grant (RFC 6749 §5.2)"));
        if (this.limited) {
            responses.addApiResponse("429", tokenError("slow_down: too many failed attempts from this client")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, header("Seconds until the client may try again")));
        }
        if (this.refreshTokens) {
            responses.addApiResponse("503", unavailable());
        }
        return operation.responses(responses);
    }

    /**
     * springdoc calls the three-argument variant; without the components there is nothing to document.
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return operation;
    }

    private Operation revocation(Operation operation, Components components) {
        components.addSchemas(RefusalResponses.PROBLEM, RefusalResponses.problemSchema());
        components.addSchemas("TokenError", tokenError());
        components.addSchemas("RevocationRequest", new ObjectSchema().required(List.of("token"))
            .addProperty("token", new StringSchema().description("The access token or refresh token to revoke"))
            .addProperty("token_type_hint",
                    new StringSchema().description("access_token or refresh_token; not needed, any other is ignored")));
        Schema<?> body = reference("RevocationRequest");
        return operation.tags(List.of(TAG))
            .summary("Revoke a token")
            .description("OAuth 2.0 token revocation (RFC 7009): whoever holds a token may revoke it. An access token "
                    + "is refused from its next use on; a refresh token revokes its family, every refresh token and "
                    + "access token issued with it. The answer is 200 for an unknown, expired or invalid token too "
                    + "(RFC 7009 §2.2), which revokes nothing.")
            .requestBody(new RequestBody().required(true)
                .content(new Content().addMediaType(FORM, new MediaType().schema(body))
                    .addMediaType(MULTIPART, new MediaType().schema(body))))
            .responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("Revoked, or nothing to revoke (RFC 7009 §2.2)")
                    .addHeaderObject(HttpHeaders.CACHE_CONTROL, header("no-store")))
                .addApiResponse("400", tokenError("invalid_request: no token, or a malformed form"))
                .addApiResponse("503", unavailable()));
    }

    private Schema<?> tokenResponse() {
        List<String> required = new ArrayList<>(List.of("access_token", "token_type", "expires_in", "scope"));
        Schema<?> schema = new ObjectSchema()
            .addProperty("access_token", new StringSchema().description("A signed JWT"))
            .addProperty("token_type", new StringSchema()._enum(List.of("bearer")))
            .addProperty("expires_in", new IntegerSchema().format("int64").description("Lifetime in seconds"))
            .addProperty("scope", new StringSchema().description("The granted scopes, space-separated"));
        if (this.refreshTokens) {
            required.add("refresh_token");
            schema.addProperty("refresh_token", new StringSchema()
                .description("An opaque refresh token, valid once (RFC 6749 §6)"));
        }
        return schema.required(required);
    }

    private static Schema<?> refreshTokenRequest() {
        return new ObjectSchema().required(List.of("grant_type", "refresh_token"))
            .addProperty("grant_type", new StringSchema().pattern("^refresh_token$"))
            .addProperty("refresh_token", new StringSchema())
            .addProperty("scope", new StringSchema().description("At most the scopes of the original grant; all of "
                    + "them when absent"));
    }

    private static Schema<?> tokenError() {
        List<String> codes = List.of("invalid_request", "unsupported_grant_type", "invalid_scope", "invalid_grant",
                "slow_down", "temporarily_unavailable");
        return new Schema<>().allOf(List.of(reference(RefusalResponses.PROBLEM),
                new ObjectSchema().required(List.of("error"))
                    .addProperty("error", new StringSchema()._enum(codes))
                    .addProperty("error_description", new StringSchema())));
    }

    private static ApiResponse unavailable() {
        return tokenError("temporarily_unavailable: the token store does not answer; retry later")
            .addHeaderObject(HttpHeaders.RETRY_AFTER, header("Seconds until the client may try again"));
    }

    private static ApiResponse tokenError(String description) {
        return new ApiResponse().description(description)
            .content(content(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, "TokenError"));
    }

    private static Content content(String mediaType, String schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(reference(schema)));
    }

    private static Schema<?> reference(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
