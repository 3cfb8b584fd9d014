/**
 * OAuth 2.0 (RFC 6749): the password request form and the password grant's token endpoint.
 */
@NullMarked
package io.github.padlock.oauth2;

import org.jspecify.annotations.NullMarked;
