package io.github.padlock.observation;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;

import io.github.padlock.SecurityFailureEvent;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecuritySuccessEvent;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Turns Padlock's security events into Actuator audit events, as Spring Boot's {@code AuthenticationAuditListener}
 * and {@code AuthorizationAuditListener} do for Spring Security's: {@code AUTHENTICATION_SUCCESS} for a
 * {@link SecuritySuccessEvent}, {@code AUTHORIZATION_FAILURE} for a missing scope ({@link SecurityOutcome#FORBIDDEN})
 * and {@code AUTHENTICATION_FAILURE} for every other {@link SecurityFailureEvent}, added to the
 * {@link AuditEventRepository} directly rather than through Actuator's {@code AuditListener}: Spring Boot 4.0's
 * {@code AuditAutoConfiguration}, which declares that listener, also declares Spring Security's audit listeners and so
 * cannot start without {@code spring-security-core}; an application without it turns that auto-configuration off
 * ({@code management.auditevents.enabled=false}) and still gets Padlock's audit events. The audit event's principal is the user name, the API key's id or
 * the JWT's subject of a success ({@link Principal#getName()}, which Padlock's principals and any of the
 * application's that implements it answer), and empty for a failure and for any other value: never a credential. Its data: {@code scheme},
 * {@code verifier} and, for a failure, {@code outcome}.
 */
public final class PadlockAuditListener implements GenericApplicationListener {

    /** The audit event type of a granted request, as Spring Boot names Spring Security's. */
    public static final String AUTHENTICATION_SUCCESS = "AUTHENTICATION_SUCCESS";

    /** The audit event type of a refused request, as Spring Boot names Spring Security's. */
    public static final String AUTHENTICATION_FAILURE = "AUTHENTICATION_FAILURE";

    /** The audit event type of a request refused for a scope it lacks, as Spring Boot names Spring Security's. */
    public static final String AUTHORIZATION_FAILURE = "AUTHORIZATION_FAILURE";

    private final AuditEventRepository repository;

    /**
     * @param repository where the audit events go
     */
    public PadlockAuditListener(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.toClass();
        return SecuritySuccessEvent.class.isAssignableFrom(type) || SecurityFailureEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof SecuritySuccessEvent success) {
            this.repository.add(new AuditEvent(nameOf(success.getPrincipal()),
                    AUTHENTICATION_SUCCESS, Map.of("scheme", success.getScheme(), "verifier", success.getVerifier())));
        }
        else if (event instanceof SecurityFailureEvent failure) {
            String type = (failure.getOutcome() == SecurityOutcome.FORBIDDEN) ? AUTHORIZATION_FAILURE
                    : AUTHENTICATION_FAILURE;
            this.repository.add(new AuditEvent("", type,
                    Map.of("outcome", failure.getOutcome().name().toLowerCase(Locale.ROOT), "scheme",
                            failure.getScheme(), "verifier", failure.getVerifier())));
        }
    }

    /**
     * Who was granted, by a name that is no credential: {@link Principal#getName()} (Padlock's user, API key and JWT
     * principals are {@link Principal}s); empty for any other value, such as credentials a bare scheme read.
     */
    static String nameOf(Object principal) {
        return (principal instanceof Principal named) ? String.valueOf(named.getName()) : "";
    }
}
