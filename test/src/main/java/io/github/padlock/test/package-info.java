/**
 * Padlock's test kit: credentials for MockMvc, {@code MockMvcTester} and {@code RestTestClient}, JWTs signed with the
 * application's key, per-request stubs of a scheme's or verifier's result, and a standalone MockMvc with Padlock.
 */
@NullMarked
package io.github.padlock.test;

import org.jspecify.annotations.NullMarked;
