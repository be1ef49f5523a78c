package org.cartcompanion.alert.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.notification.PatientText;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientTextRepository implements PanacheRepositoryBase<PatientText, UUID> {

    private static final String DUE = DueRows.claim("patient_text", "status = 'PENDING' AND next_attempt_at <= :now",
            "next_attempt_at");

    /** Texts due for their fan-out that no other replica holds, locked for this transaction. */
    public Uni<List<PatientText>> lockDue(Instant now, int limit) {
        return DueRows.list(PatientText.class, DUE, Map.of("now", now, "limit", limit));
    }
}
