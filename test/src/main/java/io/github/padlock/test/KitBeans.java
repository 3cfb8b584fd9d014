package io.github.padlock.test;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Where the kit finds the application's beans for a request MockMvc is building: the standalone setup's own beans
 * ({@link PadlockMockMvc}), the context a {@link PadlockHeaders} probe names, or the test's web application context.
 */
final class KitBeans {

    /** The servlet context or request attribute holding the beans of a standalone setup or a probe. */
    static final String ATTRIBUTE = KitBeans.class.getName();

    private KitBeans() {
    }

    static ListableBeanFactory of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ListableBeanFactory beans) {
            return beans;
        }
        ServletContext servletContext = request.getServletContext();
        if (servletContext.getAttribute(ATTRIBUTE) instanceof ListableBeanFactory beans) {
            return beans;
        }
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(servletContext);
        if (context == null) {
            throw new IllegalStateException("No application context for this request: build MockMvc from one "
                    + "(@WebMvcTest, @AutoConfigureMockMvc, MockMvcBuilders.webAppContextSetup) or with "
                    + "PadlockMockMvc.standaloneSetup");
        }
        return context;
    }
}
