package io.github.padlock.scheme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * RFC 6749 §3.3's scope syntax, in one place: {@code scope = scope-token *( SP scope-token )} with
 * {@code scope-token = 1*NQCHAR}, {@code NQCHAR = %x21 / %x23-5B / %x5D-7E}. The token endpoint, the tokens it issues
 * and the {@code scope} claims Padlock reads use it; an {@code OAuth2PasswordRequestForm} bound in an application's
 * own handler keeps FastAPI's split on any whitespace.
 */
public final class ScopeTokens {

    private ScopeTokens() {
    }

    /**
     * @param scope a scope as sent or configured
     * @return whether it is one RFC 6749 scope-token: printable ASCII without space, {@code "} or {@code \}
     */
    public static boolean isScopeToken(String scope) {
        if (scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (!(c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits a scope string on single spaces (SP, nothing else); empty tokens between consecutive spaces are skipped.
     * Tokens are not checked: see {@link #isScopeToken(String)}.
     * @param scope a space-delimited scope string
     * @return its tokens, in order
     */
    public static List<String> split(String scope) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        while (start <= scope.length()) {
            int space = scope.indexOf(' ', start);
            int end = (space < 0) ? scope.length() : space;
            if (end > start) {
                tokens.add(scope.substring(start, end));
            }
            start = end + 1;
        }
        return List.copyOf(tokens);
    }

    /**
     * @param scopes scope-tokens
     * @return them joined by single spaces
     */
    public static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
