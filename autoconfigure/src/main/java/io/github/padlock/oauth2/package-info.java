/**
 * OAuth 2.0 (RFC 6749) beyond reading a bearer token: the password request form of the token endpoint.
 */
@NullMarked
package io.github.padlock.oauth2;

import org.jspecify.annotations.NullMarked;
