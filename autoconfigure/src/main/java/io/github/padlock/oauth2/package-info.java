/**
 * OAuth 2.0 (RFC 6749): the password request form, the token endpoint (password grant, refresh tokens with rotation,
 * RFC 6749 §6 and RFC 9700 §4.14), token revocation (RFC 7009), and the stores of revoked and refresh tokens.
 */
@NullMarked
package io.github.padlock.oauth2;

import org.jspecify.annotations.NullMarked;
