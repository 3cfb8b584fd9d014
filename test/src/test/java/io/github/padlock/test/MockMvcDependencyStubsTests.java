package io.github.padlock.test;

import java.lang.reflect.Proxy;
import java.util.Map;

import io.github.padlock.SecurityDependency;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.web.ServletSecurityRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The stubs answer only requests that MockMvc built, whatever attributes a request carries. */
class MockMvcDependencyStubsTests {

    private final HttpBasic basicAuth = HttpBasic.builder().build();

    private final SecurityDependency<String> stub = (resolution) -> "stubbed";

    private final MockMvcDependencyStubs stubs;

    MockMvcDependencyStubsTests() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("basicAuth", this.basicAuth);
        this.stubs = new MockMvcDependencyStubs(beans);
    }

    @Test
    void stubForWhenMockMvcRequestThenItsStub() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(StubbedDependency.ATTRIBUTE, Map.of("basicAuth", this.stub));
        assertThat(this.stubs.stubFor(this.basicAuth, new ServletSecurityRequest(new HttpServletRequestWrapper(
                request)))).isSameAs(this.stub);
        assertThat(this.stubs.stubFor(HttpBasic.builder().build(), new ServletSecurityRequest(request))).isNull();
    }

    @Test
    void stubForWhenServersRequestWithTheAttributeThenNothing() {
        HttpServletRequest serverRequest = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class },
                (proxy, method, args) -> method.getName().equals("getAttribute")
                        ? Map.of("basicAuth", this.stub) : null);
        assertThat(this.stubs.stubFor(this.basicAuth, new ServletSecurityRequest(serverRequest))).isNull();
    }
}
