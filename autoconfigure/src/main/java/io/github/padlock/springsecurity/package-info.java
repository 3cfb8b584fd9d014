/**
 * The bridge to Spring Security, when the application has it: for the handler's duration, the principal Padlock
 * resolved is the {@code Authentication} of Spring Security's {@code SecurityContext}. Reads the plan; never imports
 * the web glue.
 */
@NullMarked
package io.github.padlock.springsecurity;

import org.jspecify.annotations.NullMarked;
