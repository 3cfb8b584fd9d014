package io.github.padlock.springsecurity;

import java.util.List;

import io.github.padlock.InsufficientScopeException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers Spring Security's {@link AccessDeniedException} (a {@code @PreAuthorize} that refused, say) thrown while
 * Padlock's principal was the {@code Authentication} as Padlock answers a permission refusal: {@code 403 Not enough
 * permissions} problem+json, rendered by whatever renders Padlock's refusals. Without it the exception would leave
 * the dispatcher after the bridge put the context back, and Spring Security's {@code ExceptionTranslationFilter},
 * finding an anonymous request, would send the client to its login page.
 * <p>
 * Other exceptions, and an {@link AccessDeniedException} in a request Padlock did not authenticate, are left to the
 * resolvers after it and to Spring Security. It sits first in the list of Spring MVC's resolvers and hands the
 * refusal to the others.
 */
final class AccessDeniedRefusals implements HandlerExceptionResolver {

    private final SecurityContextHolderStrategy holder;

    private final List<HandlerExceptionResolver> resolvers;

    /**
     * @param holder Spring Security's context holder
     * @param resolvers the list of resolvers this one is in, read when an exception is resolved
     */
    AccessDeniedRefusals(SecurityContextHolderStrategy holder, List<HandlerExceptionResolver> resolvers) {
        this.holder = holder;
        this.resolvers = resolvers;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!(ex instanceof AccessDeniedException)
                || !(this.holder.getContext().getAuthentication() instanceof PadlockAuthentication)) {
            return null;
        }
        PadlockException refusal = new PadlockException(HttpStatus.FORBIDDEN,
                InsufficientScopeException.NOT_ENOUGH_PERMISSIONS, List.of(), SecurityOutcome.FORBIDDEN);
        for (HandlerExceptionResolver resolver : this.resolvers) {
            if (resolver != this) {
                ModelAndView answer = resolver.resolveException(request, response, handler, refusal);
                if (answer != null) {
                    return answer;
                }
            }
        }
        return null;
    }
}
