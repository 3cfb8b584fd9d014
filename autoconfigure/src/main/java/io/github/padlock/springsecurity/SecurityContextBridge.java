package io.github.padlock.springsecurity;

import io.github.padlock.plan.ResolvedPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * For the handler's duration, makes the principal Padlock resolved the {@code Authentication} of Spring Security's
 * {@code SecurityContext}, then puts back what was there before. It runs after Padlock's interceptor, which left the
 * request's {@link ResolvedPlan} in a request attribute; it resolves nothing itself.
 * <p>
 * Spring Security keeps the context in a thread-bound holder: the one exception to Padlock's rule of per-request state
 * in request attributes, kept as narrow as the handler. What the holder held before is kept in a request attribute
 * and put back in {@link #afterCompletion}, and in {@link #afterConcurrentHandlingStarted} when the handler started
 * async processing and the thread goes back to its pool; the async re-dispatch, on whichever thread (a virtual one
 * too), runs {@link #preHandle} again and sets the context there from the same resolution, which is not resolved
 * again. The context set is always a new one: the one held before (possibly the session's, from a form login) is
 * never changed, so Padlock's principal can never be saved beyond the request.
 * <p>
 * Only the dispatch of the handler whose plan was resolved is bridged: an error dispatch, or a forward to another
 * handler, sees the resolution of another handler in the request attribute and leaves the context alone. A handler
 * whose principal is empty (optional security, absent) leaves it alone too, whatever it holds.
 */
final class SecurityContextBridge implements AsyncHandlerInterceptor {

    /** The request attribute holding the {@link Saved} contexts of the request's bridged dispatches. */
    static final String SAVED = SecurityContextBridge.class.getName() + ".saved";

    private final SecurityContextHolderStrategy holder;

    SecurityContextBridge(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && request.getAttribute(ResolvedPlan.ATTRIBUTE) instanceof ResolvedPlan resolved
                && resolved.plan().handles(method.getBeanType(), method.getMethod())) {
            Object principal = resolved.handlerPrincipal();
            if (principal != null) {
                Saved outer = (request.getAttribute(SAVED) instanceof Saved saved) ? saved : null;
                request.setAttribute(SAVED, new Saved(handler, this.holder.getContext(), outer));
                SecurityContext context = this.holder.createEmptyContext();
                context.setAuthentication(PadlockAuthentication.of(principal, resolved.isHandlerPrincipalVerified()));
                this.holder.setContext(context);
            }
        }
        return true;
    }

    /** The thread is released while the handler's async processing goes on: it keeps nothing of this request. */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        restore(request, handler);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        restore(request, handler);
    }

    /**
     * Puts back what the holder held before this dispatch's {@link #preHandle}, and with it drops what dispatches
     * nested in this one (an include, say) might have left.
     */
    private void restore(HttpServletRequest request, Object handler) {
        for (Saved saved = (request.getAttribute(SAVED) instanceof Saved top) ? top : null; saved != null;
                saved = saved.outer()) {
            if (saved.handler() == handler) {
                if (saved.previous().getAuthentication() == null) {
                    this.holder.clearContext();
                }
                else {
                    this.holder.setContext(saved.previous());
                }
                if (saved.outer() != null) {
                    request.setAttribute(SAVED, saved.outer());
                }
                else {
                    request.removeAttribute(SAVED);
                }
                return;
            }
        }
    }

    /**
     * What the holder held when a dispatch of {@code handler} set Padlock's context, and what an enclosing dispatch
     * saved.
     */
    private record Saved(Object handler, SecurityContext previous, @Nullable Saved outer) {
    }
}
