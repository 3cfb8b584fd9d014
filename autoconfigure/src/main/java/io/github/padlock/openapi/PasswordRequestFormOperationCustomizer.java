package io.github.padlock.openapi;

import java.util.ArrayList;
import java.util.List;

import io.github.padlock.oauth2.OAuth2PasswordRequestForm;
import io.github.padlock.oauth2.OAuth2PasswordRequestFormStrict;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a handler's {@link OAuth2PasswordRequestForm} or {@link OAuth2PasswordRequestFormStrict} parameter as
 * the form request body it is bound from (FastAPI §2.11): the schema components {@code OAuth2PasswordRequestForm} /
 * {@code OAuth2PasswordRequestFormStrict} with the fields {@code grant_type} ({@code ^password$}), {@code username},
 * {@code password}, {@code scope} (default {@code ""}), {@code client_id} and {@code client_secret}, required as the
 * binding requires them, and {@code format: password} on the secrets of the non-strict form as FastAPI does.
 */
final class PasswordRequestFormOperationCustomizer implements GlobalOperationComponentsCustomizer {

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (type == OAuth2PasswordRequestForm.class || type == OAuth2PasswordRequestFormStrict.class) {
                boolean strict = type == OAuth2PasswordRequestFormStrict.class;
                String name = type.getSimpleName();
                components.addSchemas(name, formSchema(strict));
                Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + name);
                operation.requestBody(new RequestBody().required(true)
                    .content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                new MediaType().schema(reference))
                        .addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE,
                                new MediaType().schema(reference))));
            }
        }
        return operation;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return operation;
    }

    static Schema<?> formSchema(boolean strict) {
        List<String> required = new ArrayList<>();
        if (strict) {
            required.add("grant_type");
        }
        required.add("username");
        required.add("password");
        return new ObjectSchema().required(required)
            .addProperty("grant_type", new StringSchema().pattern("^password$"))
            .addProperty("username", new StringSchema())
            .addProperty("password", secret(strict))
            .addProperty("scope", new StringSchema()._default(""))
            .addProperty("client_id", new StringSchema())
            .addProperty("client_secret", secret(strict));
    }

    private static Schema<?> secret(boolean strict) {
        return strict ? new StringSchema() : new StringSchema().format("password");
    }
}
