package io.github.padlock.openapi;

import java.util.List;

import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents Padlock's {@link PasswordTokenEndpoint} as what it is rather than as a controller returning a map: the tag
 * {@code OAuth2} and a summary, its 200 body {@code TokenResponse} ({@code access_token}, {@code token_type},
 * {@code expires_in}, {@code scope}; RFC 6749 §5.1) and its 400 body {@code TokenError}, the {@code Problem} with
 * RFC 6749 §5.2's {@code error} and {@code error_description}; with the brute-force limiter on, its 429
 * ({@code "error": "slow_down"}) with {@code Retry-After}.
 */
final class TokenEndpointOperationCustomizer implements GlobalOperationComponentsCustomizer {

    static final String TAG = "OAuth2";

    private final boolean limited;

    /**
     * @param limited whether a brute-force limiter may answer 429
     */
    TokenEndpointOperationCustomizer(boolean limited) {
        this.limited = limited;
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        if (handlerMethod.getBeanType() != PasswordTokenEndpoint.class) {
            return operation;
        }
        components.addSchemas(RefusalResponses.PROBLEM, RefusalResponses.problemSchema());
        components.addSchemas("TokenResponse", tokenResponse());
        components.addSchemas("TokenError", tokenError());
        operation.tags(List.of(TAG))
            .summary("Issue an access token")
            .description("OAuth 2.0 resource owner password grant (RFC 6749 §4.3): the user's name and password for "
                    + "a bearer token granting the requested scopes, all the user's when none is requested.");
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
        return operation.responses(responses);
    }

    /**
     * springdoc calls the three-argument variant; without the components there is nothing to document.
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return operation;
    }

    private static Schema<?> tokenResponse() {
        return new ObjectSchema().required(List.of("access_token", "token_type", "expires_in", "scope"))
            .addProperty("access_token", new StringSchema().description("A signed JWT"))
            .addProperty("token_type", new StringSchema()._enum(List.of("bearer")))
            .addProperty("expires_in", new IntegerSchema().format("int64").description("Lifetime in seconds"))
            .addProperty("scope", new StringSchema().description("The granted scopes, space-separated"));
    }

    private static Schema<?> tokenError() {
        return new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + RefusalResponses.PROBLEM),
                new ObjectSchema().required(List.of("error"))
                    .addProperty("error",
                            new StringSchema()._enum(List.of("invalid_request", "unsupported_grant_type",
                                    "invalid_scope", "invalid_grant", "slow_down")))
                    .addProperty("error_description", new StringSchema())));
    }

    private static ApiResponse tokenError(String description) {
        return new ApiResponse().description(description)
            .content(content(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, "TokenError"));
    }

    private static Content content(String mediaType, String schema) {
        return new Content()
            .addMediaType(mediaType, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
