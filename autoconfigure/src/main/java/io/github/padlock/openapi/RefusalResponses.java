package io.github.padlock.openapi;

import io.github.padlock.plan.SecurityPlan;
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

import org.springframework.http.HttpHeaders;

/**
 * Documents what Padlock may answer a secured operation instead of the handler: {@code 400} for credentials sent
 * ambiguously, {@code 401} with its {@code WWW-Authenticate} challenge (RFC 9110 §11.6.1), {@code 403} when the plan
 * asks for scopes, and {@code 429} with {@code Retry-After} when the brute-force limiter is on; each an RFC 9457
 * {@code application/problem+json} body of the one schema component {@code Problem}. A response the application
 * documented itself, for the same status, is kept.
 */
final class RefusalResponses {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private RefusalResponses() {
    }

    static void document(Operation operation, Components components, SecurityPlan plan, boolean limited) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        components.addSchemas(PROBLEM, problemSchema());
        addIfAbsent(responses, "400", problem("Credentials sent ambiguously: in two places, or twice"));
        addIfAbsent(responses, "401", problem("Not authenticated: no credentials, or wrong ones")
            .addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, header("The challenges of the operation's schemes")));
        if (asksScopes(plan)) {
            addIfAbsent(responses, "403", problem("Not enough permissions: a required scope is missing"));
        }
        if (limited) {
            addIfAbsent(responses, "429", problem("Too many failed attempts from this client")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, header("Seconds until the client may try again")));
        }
    }

    /**
     * @return the RFC 9457 problem details that every refusal carries; Padlock's carry FastAPI's text in
     * {@code detail}, and RFC 6749's {@code error} where one applies
     */
    static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
            .addProperty("type", new StringSchema().format("uri-reference"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema().format("int32"))
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema().format("uri-reference"));
    }

    private static boolean asksScopes(SecurityPlan plan) {
        return plan.schemes().stream().anyMatch((use) -> !use.scopes().scopes().isEmpty());
    }

    private static void addIfAbsent(ApiResponses responses, String status, ApiResponse response) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, response);
        }
    }

    static ApiResponse problem(String description) {
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse().description(description)
            .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(reference)));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
