package io.github.padlock.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when some property lies below the given prefix, such as an entry of {@code padlock.users}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnPadlockEntriesCondition.class)
@interface ConditionalOnPadlockEntries {

    /**
     * @return the prefix, such as {@code padlock.users}
     */
    String value();
}
