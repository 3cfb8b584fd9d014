package io.github.padlock.scheme;

import org.jspecify.annotations.Nullable;

/**
 * An OpenAPI 3 Security Scheme Object, free of any OpenAPI library: what a {@link SecurityScheme} contributes to
 * {@code components.securitySchemes}. Absent optional fields are {@code null} and left out of the document.
 */
public sealed interface SecuritySchemeModel permits SecuritySchemeModel.Http {

    /**
     * @return the description shown in the documentation, or {@code null}
     */
    @Nullable String description();

    /**
     * {@code {"type": "http", "scheme": ..., "bearerFormat"?: ..., "description"?: ...}}.
     *
     * @param scheme the HTTP authentication scheme, such as {@code basic} (RFC 9110 §11.1)
     * @param bearerFormat a hint at the bearer token's format, such as {@code JWT}
     * @param description the description shown in the documentation
     */
    record Http(String scheme, @Nullable String bearerFormat, @Nullable String description)
            implements SecuritySchemeModel {
    }
}
