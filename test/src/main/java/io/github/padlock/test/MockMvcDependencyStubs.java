package io.github.padlock.test;

import java.util.Map;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityRequest;
import io.github.padlock.plan.DependencyStubs;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The stubs of {@link StubbedDependency}, as Padlock asks for them: read from an attribute of a request that MockMvc
 * built in this JVM ({@link MockHttpServletRequest}, which no server creates), never from anything a client sends.
 */
final class MockMvcDependencyStubs implements DependencyStubs {

    private final ListableBeanFactory beans;

    MockMvcDependencyStubs(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public @Nullable SecurityDependency<?> stubFor(SecurityDependency<?> dependency, SecurityRequest request) {
        HttpServletRequest servletRequest = request.unwrap(HttpServletRequest.class);
        MockHttpServletRequest mockRequest = (servletRequest != null)
                ? WebUtils.getNativeRequest(servletRequest, MockHttpServletRequest.class) : null;
        if (mockRequest == null || !(mockRequest.getAttribute(StubbedDependency.ATTRIBUTE) instanceof Map<?, ?> stubs)) {
            return null;
        }
        for (Map.Entry<?, ?> stub : stubs.entrySet()) {
            String name = (String) stub.getKey();
            if (this.beans.containsBean(name) && this.beans.getBean(name) == dependency) {
                return (SecurityDependency<?>) stub.getValue();
            }
        }
        return null;
    }
}
