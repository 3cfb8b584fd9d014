/**
 * The Spring MVC glue: the interceptor that resolves each handler's plan before any argument is bound, the argument
 * resolver that hands the values out, the request view's Servlet adapter, the lazy form filter, and the problem+json
 * error responses.
 */
@NullMarked
package io.github.padlock.web;

import org.jspecify.annotations.NullMarked;
