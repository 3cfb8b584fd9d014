package io.github.padlock.observation;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit event's principal: a name that is no credential. */
class PadlockAuditListenerTests {

    @Test
    void nameOfWhenBuiltInPrincipalThenItsName() {
        assertThat(PadlockAuditListener.nameOf(new UserPrincipal("stanley", List.of()))).isEqualTo("stanley");
        assertThat(PadlockAuditListener.nameOf(new ApiKeyPrincipal("key-id", List.of()))).isEqualTo("key-id");
        assertThat(PadlockAuditListener.nameOf(new JwtPrincipal("sub-1", List.of(), Map.of()))).isEqualTo("sub-1");
    }

    @Test
    void nameOfWhenApplicationPrincipalThenGetName() {
        Principal principal = () -> "named";
        assertThat(PadlockAuditListener.nameOf(principal)).isEqualTo("named");
    }

    @Test
    void nameOfWhenCredentialsOrAnyOtherValueThenEmpty() {
        assertThat(PadlockAuditListener.nameOf(new HttpBasicCredentials("stanley", "secret"))).isEmpty();
        assertThat(PadlockAuditListener.nameOf("a-raw-token")).isEmpty();
    }
}
