/**
 * The security schemes (FastAPI's {@code fastapi.security} classes): each reads credentials from the request and
 * describes itself for OpenAPI, with no dependency on Spring MVC or Swagger.
 */
@NullMarked
package io.github.padlock.scheme;

import org.jspecify.annotations.NullMarked;
