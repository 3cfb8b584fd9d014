/**
 * Padlock's user-facing surface: {@link io.github.padlock.SecurityParam}, {@link io.github.padlock.SecurityDependency},
 * {@link io.github.padlock.Verifier}, {@link io.github.padlock.SecurityScopes} and the errors Padlock answers with.
 */
@NullMarked
package io.github.padlock;

import org.jspecify.annotations.NullMarked;
