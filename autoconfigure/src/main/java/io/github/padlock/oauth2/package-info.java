/**
 * OAuth 2.0 (RFC 6749) beyond reading a bearer token: the password request form, JWT verification and issuing
 * (RFC 7519, with nimbus-jose-jwt), and the password grant's token endpoint.
 */
@NullMarked
package io.github.padlock.oauth2;

import org.jspecify.annotations.NullMarked;
