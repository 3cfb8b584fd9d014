/**
 * What Padlock tells about its decisions and its plans: a Micrometer observation around each resolution, application
 * events, the actuator endpoint of the plans.
 */
@NullMarked
package io.github.padlock.observation;

import org.jspecify.annotations.NullMarked;
