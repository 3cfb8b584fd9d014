package io.github.padlock.oauth2;

import java.util.List;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the binding of {@link OAuth2PasswordRequestForm} and {@link OAuth2PasswordRequestFormStrict} parameters
 * with Spring MVC.
 */
public final class OAuth2WebMvcConfigurer implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PasswordRequestFormArgumentResolver());
    }
}
