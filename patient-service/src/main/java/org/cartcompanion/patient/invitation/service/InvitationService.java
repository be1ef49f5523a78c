package org.cartcompanion.patient.invitation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.caregiver.repository.CaregiverLinkRepository;
import org.cartcompanion.patient.invitation.Invitation;
import org.cartcompanion.patient.invitation.InvitationCodes;
import org.cartcompanion.patient.invitation.InvitationStatus;
import org.cartcompanion.patient.invitation.InvitedAs;
import org.cartcompanion.patient.invitation.config.InvitationConfig;
import org.cartcompanion.patient.invitation.repository.InvitationRepository;
import org.cartcompanion.patient.invitation.rest.AcceptedInvitation;
import org.cartcompanion.patient.invitation.rest.InvitationCreated;
import org.cartcompanion.patient.invitation.rest.InvitationRequest;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.PatientStatus;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.patient.patient.service.PatientService;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.problem.UniqueViolation;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Invitations to join a patient's record (API v1.1). A clinician or coordinator of the patient's center invites the patient or
 * a caregiver; the invited person signs in with their own account and accepts the code, which binds their subject: as the
 * patient's subject, or as a caregiver link. A code is single use, expires, and can be withdrawn until it is used.
 */
@ApplicationScoped
public class InvitationService {

    private final PatientService patients;
    private final PatientRepository patientRows;
    private final InvitationRepository invitations;
    private final CaregiverLinkRepository caregivers;
    private final InvitationMailer mailer;
    private final InvitationConfig config;
    private final Clock clock;

    public InvitationService(PatientService patients, PatientRepository patientRows,
            InvitationRepository invitations, CaregiverLinkRepository caregivers, InvitationMailer mailer,
            InvitationConfig config, Clock clock) {
        this.patients = patients;
        this.patientRows = patientRows;
        this.invitations = invitations;
        this.caregivers = caregivers;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /** The link an invitation mail and the console give: the app, with the code in the fragment. */
    public static String link(String linkBase, String code) {
        return linkBase + "#/join/" + code;
    }

    /** A new invitation, mailed (after the commit) when it names an email address. */
    public Uni<InvitationCreated> invite(UUID patientId, InvitationRequest request, Caller caller) {
        if (request.invitedAs() == InvitedAs.CAREGIVER && (request.name() == null || request.name().isBlank())) {
            throw ProblemException.unprocessable("name", "is required to invite a caregiver");
        }
        if (request.invitedAs() == InvitedAs.CAREGIVER && request.relationship() == null) {
            throw ProblemException.unprocessable("relationship", "is required to invite a caregiver");
        }
        String code = InvitationCodes.generate();
        return Panache.withTransaction(() -> patients.forCenterAction(patientId, caller, mayNot("create")).flatMap(patient -> {
            if (patient.status != PatientStatus.ACTIVE && patient.status != PatientStatus.DISCHARGED) {
                return Uni.createFrom().failure(ProblemException.conflict("The patient is no longer followed here."));
            }
            Instant now = clock.instant();
            Invitation invitation = new Invitation();
            invitation.id = UUID.randomUUID();
            invitation.patientId = patientId;
            invitation.invitedAs = request.invitedAs();
            invitation.codeHash = InvitationCodes.hash(InvitationCodes.normalize(code));
            invitation.name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
            invitation.relationship = request.invitedAs() == InvitedAs.CAREGIVER ? request.relationship() : null;
            invitation.email = request.email();
            invitation.phone = request.phone();
            invitation.createdBy = caller.subject();
            invitation.createdAt = now;
            invitation.expiresAt = now.plus(config.lifetime());
            if (request.email() != null) {
                invitation.mailCode = code;
                invitation.nextAttemptAt = now;
            }
            return invitations.persistAndFlush(invitation);
        })).map(invitation -> {
            if (invitation.mailCode != null) {
                mailer.kick();
            }
            return new InvitationCreated(invitation.id, invitation.patientId, invitation.invitedAs, code,
                    invitation.expiresAt, link(config.linkBase(), code));
        });
    }

    /**
     * Accepts an invitation with the caller's own sign-in: 404 for a code nobody issued, 403 when the caller's token lacks the
     * group the invitation is for, 410 when it was used, withdrawn or has expired. Accepting again what the caller already
     * accepted answers the same (a phone that lost the first answer retries).
     */
    @WithTransaction
    public Uni<AcceptedInvitation> accept(String typedCode, Caller caller) {
        String code = InvitationCodes.normalize(typedCode);
        if (code == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Invitation"));
        }
        String subject = caller.subject();
        boolean mayBePatient = caller.has(Roles.PATIENT);
        boolean mayBeCaregiver = caller.has(Roles.CAREGIVER);
        Instant now = clock.instant();
        return invitations.lockByCodeHash(InvitationCodes.hash(code)).flatMap(invitation -> {
            if (invitation == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Invitation"));
            }
            boolean groupMatches = invitation.invitedAs == InvitedAs.PATIENT ? mayBePatient : mayBeCaregiver;
            if (!groupMatches) {
                return Uni.createFrom().failure(ProblemException.forbidden("This invitation is for a "
                        + invitation.invitedAs.group() + "; sign in with a " + invitation.invitedAs.group() + " account."));
            }
            InvitationStatus status = invitation.status(now);
            if (status == InvitationStatus.ACCEPTED && subject.equals(invitation.acceptedBy)) {
                return Uni.createFrom().item(new AcceptedInvitation(invitation.patientId, invitation.invitedAs));
            }
            if (status != InvitationStatus.PENDING) {
                return Uni.createFrom().failure(ProblemException.gone(switch (status) {
                case ACCEPTED -> "This invitation has already been used.";
                case WITHDRAWN -> "This invitation was withdrawn; ask the center for a new one.";
                default -> "This invitation has expired; ask the center for a new one.";
                }));
            }
            return patientRows.findById(invitation.patientId).flatMap(patient -> {
                if (patient.status != PatientStatus.ACTIVE && patient.status != PatientStatus.DISCHARGED) {
                    return Uni.createFrom().failure(ProblemException.gone("The patient is no longer followed here."));
                }
                Uni<Void> bound = invitation.invitedAs == InvitedAs.PATIENT ? bindPatient(patient, invitation, subject, now)
                        : linkCaregiver(patient, invitation, subject, now);
                return bound.map(v -> {
                    invitation.acceptedAt = now;
                    invitation.acceptedBy = subject;
                    invitation.close();
                    return new AcceptedInvitation(invitation.patientId, invitation.invitedAs);
                });
            });
        }).call(() -> Panache.flush())
                .onFailure(UniqueViolation::in)
                .transform(e -> ProblemException.conflict("Your account is already joined to this patient."));
    }

    /** Withdraws a pending or expired invitation (idempotent); one already accepted is not undone here (409). */
    @WithTransaction
    public Uni<Void> withdraw(UUID patientId, UUID invitationId, Caller caller) {
        return patients.forCenterAction(patientId, caller, mayNot("withdraw"))
                .flatMap(patient -> invitations.lockOfPatient(patientId, invitationId)).flatMap(invitation -> {
                    if (invitation == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Invitation"));
                    }
                    if (invitation.acceptedAt != null) {
                        return Uni.createFrom().failure(ProblemException.conflict("This invitation has been accepted; "
                                + "unlink the caregiver instead."));
                    }
                    if (invitation.withdrawnAt == null) {
                        invitation.withdrawnAt = clock.instant();
                        invitation.withdrawnBy = caller.subject();
                        invitation.close();
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** A page of the patient's invitations, newest first, for the center's staff. */
    @WithTransaction
    public Uni<List<Invitation>> page(UUID patientId, Caller caller, Instant beforeCreatedAt, UUID beforeId, int limit) {
        return patients.forCenterStaff(patientId, caller, "Only the patient's center sees its invitations.")
                .flatMap(patient -> invitations.page(patientId, beforeCreatedAt, beforeId, limit));
    }

    /**
     * The caller becomes the patient's account. A patient who already had one (a new phone, a new identity provider) moves to
     * the caller's: the center invited them again, and the old account no longer sees the record.
     */
    private Uni<Void> bindPatient(Patient patient, Invitation invitation, String subject, Instant now) {
        return patientRows.findBySubject(subject).flatMap(existing -> {
            if (existing != null && !existing.id.equals(patient.id)) {
                return Uni.createFrom().failure(
                        ProblemException.conflict("Your account is already the account of another enrolled patient."));
            }
            patient.subject = subject;
            patient.updatedAt = now;
            return invitations.withdrawOtherPatientInvitations(patient.id, invitation.id, subject, now).replaceWithVoid();
        });
    }

    private Uni<Void> linkCaregiver(Patient patient, Invitation invitation, String subject, Instant now) {
        if (subject.equals(patient.subject)) {
            return Uni.createFrom().failure(ProblemException.conflict("A patient is not their own caregiver."));
        }
        return caregivers.isLinked(patient.id, subject).flatMap(linked -> {
            if (linked) {
                return Uni.createFrom().failure(ProblemException.conflict("You are already a caregiver of this patient."));
            }
            CaregiverLink link = new CaregiverLink();
            link.id = UUID.randomUUID();
            link.patientId = patient.id;
            link.subject = subject;
            link.name = invitation.name;
            link.relationship = invitation.relationship;
            link.email = invitation.email;
            link.phone = invitation.phone;
            link.linkedBy = invitation.createdBy;
            link.createdAt = now;
            return caregivers.persist(link).replaceWithVoid();
        });
    }

    private static String mayNot(String what) {
        return "Only a clinician or coordinator of the patient's center may " + what + " invitations.";
    }
}
