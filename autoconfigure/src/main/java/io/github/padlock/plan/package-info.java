/**
 * The security plan: what each handler requires, computed once at start-up from its annotations and the security
 * dependency beans, and its resolution per request with the fail-closed rules. Knows neither the Servlet API, Spring MVC
 * nor springdoc; the web glue and the OpenAPI document both read it.
 */
@NullMarked
package io.github.padlock.plan;

import org.jspecify.annotations.NullMarked;
