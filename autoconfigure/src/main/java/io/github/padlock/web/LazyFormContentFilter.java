package io.github.padlock.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.support.AllEncompassingFormHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Spring's {@link FormContentFilter}, made lazy: the {@code application/x-www-form-urlencoded} body of a PUT, PATCH
 * or DELETE request is read when something first asks for a request parameter (normally the binding of a
 * {@code @RequestParam} or model attribute, after Padlock's gate) rather than before any handler is chosen. So a
 * protected endpoint refuses a request without credentials before reading its body, however large or malformed.
 * <p>
 * What the handler sees is what Spring's filter gives it: the query's values first, then the form's. A body that
 * cannot be decoded (bad percent-encoding) is a 400, not a 500. Spring Boot's own filter backs off when this one is a
 * bean, and {@code spring.mvc.formcontent.filter.enabled=false} turns both off.
 */
public final class LazyFormContentFilter extends FormContentFilter implements Ordered {

    /** Spring Boot's order for its form content filter ({@code OrderedFormContentFilter.DEFAULT_ORDER}). */
    public static final int DEFAULT_ORDER = -9900;

    private static final List<String> HTTP_METHODS = List.of("PUT", "PATCH", "DELETE");

    private final FormHttpMessageConverter formConverter = new AllEncompassingFormHttpMessageConverter();

    @Override
    public int getOrder() {
        return DEFAULT_ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
            throws ServletException, IOException {
        filterChain.doFilter(hasForm(request) ? new LazyFormRequest(request, this.formConverter) : request, response);
    }

    private static boolean hasForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!StringUtils.hasLength(contentType) || !HTTP_METHODS.contains(request.getMethod())) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** The request with its form body's parameters, read on first use. */
    private static final class LazyFormRequest extends HttpServletRequestWrapper {

        private final FormHttpMessageConverter formConverter;

        private @Nullable MultiValueMap<String, String> form;

        LazyFormRequest(HttpServletRequest request, FormHttpMessageConverter formConverter) {
            super(request);
            this.formConverter = formConverter;
        }

        private MultiValueMap<String, String> form() {
            MultiValueMap<String, String> form = this.form;
            if (form == null) {
                form = read();
                this.form = form;
            }
            return form;
        }

        private MultiValueMap<String, String> read() {
            HttpServletRequest request = (HttpServletRequest) getRequest();
            ServletServerHttpRequest message = new ServletServerHttpRequest(request) {
                @Override
                public InputStream getBody() throws IOException {
                    return request.getInputStream();
                }
            };
            try {
                return this.formConverter.read(null, message);
            }
            catch (IOException | IllegalArgumentException ex) {
                this.form = new LinkedMultiValueMap<>();
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form body cannot be read");
            }
        }

        @Override
        public @Nullable String getParameter(String name) {
            String queryValue = super.getParameter(name);
            return (queryValue != null) ? queryValue : form().getFirst(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> result = new LinkedHashMap<>();
            Enumeration<String> names = getParameterNames();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                String[] values = getParameterValues(name);
                if (values != null) {
                    result.put(name, values);
                }
            }
            return result;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getParameterNames()));
            names.addAll(form().keySet());
            return Collections.enumeration(names);
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] queryValues = super.getParameterValues(name);
            List<String> formValues = form().get(name);
            if (formValues == null) {
                return queryValues;
            }
            if (queryValues == null) {
                return StringUtils.toStringArray(formValues);
            }
            List<String> result = new ArrayList<>(queryValues.length + formValues.size());
            result.addAll(Arrays.asList(queryValues));
            result.addAll(formValues);
            return StringUtils.toStringArray(result);
        }
    }
}
