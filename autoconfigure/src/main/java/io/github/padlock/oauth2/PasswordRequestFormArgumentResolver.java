package io.github.padlock.oauth2;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds {@link OAuth2PasswordRequestForm} and {@link OAuth2PasswordRequestFormStrict} handler parameters from the
 * request's form body.
 */
final class PasswordRequestFormArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == OAuth2PasswordRequestForm.class || type == OAuth2PasswordRequestFormStrict.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("The password request form needs a servlet request");
        }
        return (parameter.getParameterType() == OAuth2PasswordRequestFormStrict.class)
                ? PasswordRequestFormReader.readStrict(request) : PasswordRequestFormReader.read(request);
    }
}
