package io.github.padlock.springsecurity;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.padlock.GrantedScopes;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.HttpAuthorizationCredentials;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a value Padlock resolved becomes Spring Security's {@code Authentication}: its name, its authorities, whether it
 * is authenticated, and that no credential becomes a name or shows in {@code toString()}.
 */
class PadlockAuthenticationTests {

    @Test
    void ofWhenUserPrincipalThenUserNameAndScopeAuthorities() {
        UserPrincipal user = new UserPrincipal("stanley", List.of("items:read", "items:write"));
        PadlockAuthentication authentication = PadlockAuthentication.of(user, true);
        assertThat(authentication.getPrincipal()).isSameAs(user);
        assertThat(authentication.getName()).isEqualTo("stanley");
        assertThat(authorities(authentication)).containsExactly("SCOPE_items:read", "SCOPE_items:write");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getCredentials()).isNull();
    }

    @Test
    void ofWhenApiKeyPrincipalThenKeyIdAndScopeAuthorities() {
        PadlockAuthentication authentication = PadlockAuthentication
            .of(new ApiKeyPrincipal("reporting", List.of("reports:read")), true);
        assertThat(authentication.getName()).isEqualTo("reporting");
        assertThat(authorities(authentication)).containsExactly("SCOPE_reports:read");
    }

    @Test
    void ofWhenJwtPrincipalThenSubjectAndScopeAuthorities() {
        PadlockAuthentication authentication = PadlockAuthentication
            .of(new JwtPrincipal("ann", List.of("items:read"), Map.of("sub", "ann", "email", "ann@example.com")), true);
        assertThat(authentication.getName()).isEqualTo("ann");
        assertThat(authorities(authentication)).containsExactly("SCOPE_items:read");
        assertThat(authentication.toString()).doesNotContain("ann@example.com");
    }

    @Test
    void ofWhenTypeOfTheApplicationIsPrincipalAndGrantedScopesThenItsNameAndScopes() {
        PadlockAuthentication authentication = PadlockAuthentication.of(new Member("m-17", List.of("orders:read")),
                true);
        assertThat(authentication.getName()).isEqualTo("m-17");
        assertThat(authorities(authentication)).containsExactly("SCOPE_orders:read");
    }

    @Test
    void ofWhenUserDetailsThenUserNameAndItsAuthorities() {
        User user = new User("admin", "{noop}password", AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        PadlockAuthentication authentication = PadlockAuthentication.of(user, true);
        assertThat(authentication.getName()).isEqualTo("admin");
        assertThat(authorities(authentication)).containsExactly("ROLE_ADMIN");
    }

    @Test
    void ofWhenBasicCredentialsOfABareSchemeThenUserNameOnlyAndNotAuthenticated() {
        PadlockAuthentication authentication = PadlockAuthentication
            .of(new HttpBasicCredentials("stanley", "password123"), false);
        assertThat(authentication.getName()).isEqualTo("stanley");
        assertThat(authentication.isAuthenticated()).isFalse();
        assertThat(authentication.getAuthorities()).isEmpty();
        assertThat(authentication.toString()).doesNotContain("password123");
    }

    @Test
    void ofWhenRawTokenOrCredentialsThenNoNameAndNeverTheSecret() {
        String token = "eyJhbGciOiJIUzI1NiJ9.secret-token";
        PadlockAuthentication raw = PadlockAuthentication.of(token, false);
        assertThat(raw.getName()).isEmpty();
        assertThat(raw.getPrincipal()).isEqualTo(token);
        assertThat(raw.toString()).doesNotContain("secret-token");
        PadlockAuthentication bearer = PadlockAuthentication.of(new HttpAuthorizationCredentials("Bearer", token),
                false);
        assertThat(bearer.getName()).isEmpty();
        assertThat(bearer.toString()).doesNotContain("secret-token");
        assertThat(PadlockAuthentication.of(new Object() {
            @Override
            public String toString() {
                return "secret-token";
            }
        }, true).getName()).isEmpty();
    }

    @Test
    void setAuthenticatedWhenTrueThenRefusedAndWhenFalseThenUnauthenticated() {
        PadlockAuthentication authentication = PadlockAuthentication.of(new UserPrincipal("stanley", List.of()),
                true);
        assertThatIllegalArgumentException().isThrownBy(() -> authentication.setAuthenticated(true));
        authentication.setAuthenticated(false);
        assertThat(authentication.isAuthenticated()).isFalse();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> PadlockAuthentication.of("token", false).setAuthenticated(true));
    }

    private static List<String> authorities(PadlockAuthentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    /** A verifier's own type, named through {@link Principal} and granted scopes through {@link GrantedScopes}. */
    private record Member(String id, List<String> grants) implements Principal, GrantedScopes {

        @Override
        public String getName() {
            return this.id;
        }

        @Override
        public Collection<String> scopes() {
            return this.grants;
        }
    }
}
