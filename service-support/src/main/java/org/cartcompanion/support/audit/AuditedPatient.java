package org.cartcompanion.support.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * For an answer that names no patient itself (an HTML page, say): tells the audit trail which patient the request concerns.
 * Call it while the request is being answered.
 */
@ApplicationScoped
public class AuditedPatient {

    static final String KEY = "cart.audit.patient";

    private final CurrentVertxRequest current;

    public AuditedPatient(CurrentVertxRequest current) {
        this.current = current;
    }

    public void is(UUID patientId) {
        RoutingContext request = current.getCurrent();
        if (request != null && patientId != null) {
            request.put(KEY, patientId);
        }
    }

    UUID of() {
        RoutingContext request = current.getCurrent();
        return request == null ? null : request.get(KEY);
    }
}
