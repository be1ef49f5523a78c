package org.cartcompanion.support.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail: who did what to which patient's data, when, and how it ended (the HTTP status). */
public record AuditEvent(long id, Instant at, String actor, String roles, String action, String method, String path,
        UUID patientId, int status, String outcome) {

    static String outcomeOf(int status) {
        return status < 300 ? "ALLOWED" : status == 401 || status == 403 || status == 404 ? "REFUSED" : "FAILED";
    }
}
