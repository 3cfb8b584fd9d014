/**
 * The Spring MVC glue: the per-handler security plan computed at start-up, the interceptor that resolves it before
 * any argument is bound, the argument resolver that hands the values out, and the problem+json error responses.
 */
@NullMarked
package io.github.padlock.web;

import org.jspecify.annotations.NullMarked;
