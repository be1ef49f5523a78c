package org.cartcompanion.support.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.web.Admission;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records every request that reads or writes a patient's data (the paths in {@code cart.audit.paths}), allowed or refused: who
 * (the token's subject), their roles, the operation, the path, the patient or patients concerned and the status. One row per
 * patient the answer concerns, so a patient's trail is complete; ids and paths only, never the data. The table is append-only
 * for the service's own database role.
 */
public class AuditTrail {

    static final String INSERT = "INSERT INTO audit_event (at, actor, roles, action, method, path, patient_id, status)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    @Inject
    Pool pool;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Clock clock;

    @Inject
    AuditedPatient named;

    @ConfigProperty(name = "cart.audit.paths")
    List<String> paths;

    @Inject
    CurrentVertxRequest current;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (paths.stream().noneMatch(path::startsWith) || turnedAway()) {
            return Uni.createFrom().voidItem();
        }
        try {
            String method = request.getMethod();
            String action = resource == null || resource.getResourceMethod() == null ? "unmatched"
                    : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
            Set<UUID> patients = new LinkedHashSet<>();
            if (resource != null && resource.getResourceMethod() != null) {
                AuditedPatients.fromRequest(path, request.getUriInfo().getPathParameters(),
                        request.getUriInfo().getQueryParameters(), patients);
                if (response.getStatus() < 300) {
                    AuditedPatients.fromEntity(path, response.getEntity(), patients);
                }
                UUID namedPatient = named.of();
                if (namedPatient != null) {
                    patients.add(namedPatient);
                }
            }
            int status = response.getStatus();
            String shown = AuditedPatients.redact(path);
            // The identity without blocking: authentication is lazy and this runs on the event loop. A request whose token
            // was refused has no identity: recorded with no actor.
            return identities.getDeferredIdentity().onFailure().recoverWithNull()
                    .flatMap(identity -> insert(identity, action, method, shown, patients, status))
                    .onFailure().recoverWithItem(e -> {
                        // The answer has been decided; a lost audit row is logged loudly rather than failing the caller.
                        Log.errorf("Audit record not written for %s %s: %s", method, shown, e.getClass().getSimpleName());
                        return null;
                    });
        } catch (RuntimeException e) {
            Log.errorf("Audit record not written for %s %s: %s", request.getMethod(), path, e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
    }

    private Uni<Void> insert(SecurityIdentity identity, String action, String method, String path, Set<UUID> patients,
            int status) {
        boolean known = identity != null && !identity.isAnonymous();
        String actor = Caller.subjectOf(identity);
        String roles = !known ? "" : String.join(",", identity.getRoles().stream().sorted().toList());
        List<UUID> each = patients.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(patients);
        List<Tuple> rows = new ArrayList<>();
        for (UUID patient : each) {
            // Tuple.tuple() rather than Tuple.from(List.of(...)): actor and patient id may be null.
            rows.add(Tuple.tuple().addValue(clock.instant().atOffset(ZoneOffset.UTC)).addValue(actor).addValue(roles)
                    .addValue(truncate(action, 120)).addValue(method).addValue(truncate(path, 300)).addValue(patient)
                    .addValue(status));
        }
        return pool.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /** Turned away by an {@link Admission} bound before anything was read or written: nothing to record. */
    private boolean turnedAway() {
        RoutingContext request = current.getCurrent();
        return request != null && Boolean.TRUE.equals(request.get(Admission.TURNED_AWAY));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
