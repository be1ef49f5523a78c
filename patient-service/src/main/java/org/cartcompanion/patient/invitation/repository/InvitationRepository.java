package org.cartcompanion.patient.invitation.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.patient.invitation.Invitation;
import org.cartcompanion.patient.invitation.InvitedAs;
import org.cartcompanion.support.work.DueRows;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    private static final String MAIL_DUE = DueRows.claim("invitation",
            "mailed_at IS NULL AND next_attempt_at <= :now AND mail_code IS NOT NULL", "next_attempt_at");

    /** The invitation with this code, locked for the transaction (two accepts of one code run one after the other). */
    public Uni<Invitation> lockByCodeHash(String codeHash) {
        return find("codeHash", codeHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One of the patient's invitations, locked for the transaction; null when it is not theirs. */
    public Uni<Invitation> lockOfPatient(UUID patientId, UUID invitationId) {
        return find("id = ?1 and patientId = ?2", invitationId, patientId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The patient's invitations, newest first, after the cursor's (createdAt, id); one look-ahead row beyond {@code limit}. */
    public Uni<List<Invitation>> page(UUID patientId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        String after = beforeCreatedAt == null ? "" : " and (createdAt < :at or (createdAt = :at and id < :id))";
        Parameters params = Parameters.with("patient", patientId);
        if (beforeCreatedAt != null) {
            params = params.and("at", beforeCreatedAt).and("id", beforeId);
        }
        return find("patientId = :patient" + after + " order by createdAt desc, id desc", params).range(0, limit).list();
    }

    /** The patient's other pending invitations as the patient: moot once the patient has joined. */
    public Uni<Integer> withdrawOtherPatientInvitations(UUID patientId, UUID accepted, String by, Instant now) {
        return update("withdrawnAt = ?1, withdrawnBy = ?2, mailCode = null, nextAttemptAt = null, version = version + 1"
                + " where patientId = ?3 and id <> ?4 and invitedAs = ?5 and acceptedAt is null and withdrawnAt is null",
                now, by, patientId, accepted, InvitedAs.PATIENT);
    }

    /** Invitation mails due at {@code now}, claimed for the pass. */
    public Uni<List<Invitation>> mailDue(Instant now, int limit) {
        return DueRows.list(Invitation.class, MAIL_DUE, Map.of("now", now, "limit", limit));
    }
}
