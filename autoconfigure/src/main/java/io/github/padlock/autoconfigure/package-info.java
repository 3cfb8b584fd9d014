/**
 * Padlock's auto-configurations: the Spring MVC glue, and the springdoc integration when springdoc is present.
 */
@NullMarked
package io.github.padlock.autoconfigure;

import org.jspecify.annotations.NullMarked;
