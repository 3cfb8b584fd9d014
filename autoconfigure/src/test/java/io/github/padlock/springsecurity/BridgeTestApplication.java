package io.github.padlock.springsecurity;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.request.WebRequest;

/**
 * {@link BridgeTestConfiguration} on a real server, without component scanning, whose error responses also tell what
 * Spring Security's holder held during the error dispatch.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BridgeTestConfiguration.class)
class BridgeTestApplication {

    @Bean
    DefaultErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {

            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                attributes.put("authentication", BridgeTestConfiguration.held().get("authentication"));
                return attributes;
            }
        };
    }
}
