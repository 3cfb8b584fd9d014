package io.github.padlock.demo;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's title. The security schemes and requirements are not declared here: Padlock derives them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI demoOpenApi() {
        return new OpenAPI().info(new Info().title("Padlock demo store")
            .version("0.1.0")
            .description("The online store of FastAPI's Security Utilities chapter, protected with Padlock."));
    }
}
