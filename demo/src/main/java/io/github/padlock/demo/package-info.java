/**
 * The seed's online store, protected with Padlock.
 */
@NullMarked
package io.github.padlock.demo;

import org.jspecify.annotations.NullMarked;
