package org.cartcompanion.patient.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records every request that reads or writes patient data — allowed or refused — with who, what and when. The record holds ids,
 * the path and the status, never the data itself.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_event (at, actor, roles, action, method, path, patient_id, status)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    private final Pool pool;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AuditLog(Pool pool, SecurityIdentity identity, Clock clock) {
        this.pool = pool;
        this.identity = identity;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!isPatientData(path)) {
            return Uni.createFrom().voidItem();
        }
        try {
            return insert(request, response, resource, path);
        } catch (RuntimeException e) {
            Log.errorf("Audit record not written for %s %s: %s", request.getMethod(), path, e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
    }

    private Uni<Void> insert(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            String path) {
        SecurityContext security = request.getSecurityContext();
        String actor = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        String roles = identity.isAnonymous() ? "" : String.join(",", identity.getRoles().stream().sorted().toList());
        String action = resource == null || resource.getResourceMethod() == null ? "unmatched"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        UUID patientId = resource == null || resource.getResourceMethod() == null ? null
                : patientIdOf(request.getUriInfo().getPathParameters().getFirst("id"));
        // Tuple.tuple() rather than Tuple.from(List.of(...)): actor and patient id may be null.
        Tuple row = Tuple.tuple().addValue(clock.instant().atOffset(ZoneOffset.UTC)).addValue(actor).addValue(roles)
                .addValue(action).addValue(request.getMethod()).addValue(truncate(path, 300)).addValue(patientId)
                .addValue(response.getStatus());
        return pool.preparedQuery(INSERT).execute(row).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    // The answer has been decided; a lost audit row is logged loudly rather than failing the caller.
                    Log.errorf("Audit record not written for %s %s: %s", request.getMethod(), path,
                            e.getClass().getSimpleName());
                    return null;
                });
    }

    static boolean isPatientData(String path) {
        return path.startsWith("/api/v1/patients") || path.startsWith("/api/v1/me");
    }

    private static UUID patientIdOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
