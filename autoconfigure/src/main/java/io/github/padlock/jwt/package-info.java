/**
 * JSON Web Tokens (RFC 7519, RFC 7515) with nimbus-jose-jwt: decoding, issuing, key material and principals.
 */
@NullMarked
package io.github.padlock.jwt;

import org.jspecify.annotations.NullMarked;
