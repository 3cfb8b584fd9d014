package io.github.padlock.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Padlock's settings, under {@code padlock}.
 */
@ConfigurationProperties("padlock")
public class PadlockProperties {

    private final Error error = new Error();

    public Error getError() {
        return this.error;
    }

    /**
     * How refusals are answered.
     */
    public static class Error {

        /**
         * Whether the WWW-Authenticate challenge of a 403 insufficient_scope answer names the required scopes
         * (RFC 6750 section 3.1).
         */
        private boolean includeScope = true;

        public boolean isIncludeScope() {
            return this.includeScope;
        }

        public void setIncludeScope(boolean includeScope) {
            this.includeScope = includeScope;
        }
    }
}
