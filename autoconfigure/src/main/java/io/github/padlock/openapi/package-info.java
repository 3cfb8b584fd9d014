/**
 * The springdoc integration: turns each handler's security plan into {@code components.securitySchemes} and the
 * operation's {@code security}, so that Swagger UI shows the padlocks without a hand-written requirement.
 */
@NullMarked
package io.github.padlock.openapi;

import org.jspecify.annotations.NullMarked;
