/**
 * What Padlock tells about its decisions: a Micrometer observation around each resolution, application events.
 */
@NullMarked
package io.github.padlock.observation;

import org.jspecify.annotations.NullMarked;
