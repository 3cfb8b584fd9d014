package io.github.padlock.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6749 §3.3's scope syntax: NQCHAR tokens, split on single spaces only.
 */
class ScopeTokensTests {

    @Test
    void isScopeTokenWhenPrintableAsciiWithoutSpaceQuoteOrBackslashThenTrue() {
        assertThat(ScopeTokens.isScopeToken("items:read")).isTrue();
        assertThat(ScopeTokens.isScopeToken("!#[]~")).isTrue();
    }

    @Test
    void isScopeTokenWhenEmptySpaceTabQuoteBackslashControlOrNonAsciiThenFalse() {
        for (String scope : new String[] { "", "a b", "a\tb", "a\"b", "a\\b", "a\u0000", "a\u007f", "caf\u00e9" }) {
            assertThat(ScopeTokens.isScopeToken(scope)).as(scope).isFalse();
        }
    }

    @Test
    void splitWhenSingleSpacesThenTokensInOrder() {
        assertThat(ScopeTokens.split("items:read items:write")).containsExactly("items:read", "items:write");
        assertThat(ScopeTokens.split("")).isEmpty();
    }

    @Test
    void splitWhenRepeatedOrOuterSpacesThenEmptyTokensSkipped() {
        assertThat(ScopeTokens.split("  a  b ")).containsExactly("a", "b");
    }

    @Test
    void splitWhenTabThenNotASeparator() {
        assertThat(ScopeTokens.split("a\tb c")).containsExactly("a\tb", "c");
    }
}
