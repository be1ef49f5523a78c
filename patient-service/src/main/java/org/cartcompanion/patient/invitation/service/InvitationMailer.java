package org.cartcompanion.patient.invitation.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.access.client.CenterContact;
import org.cartcompanion.patient.invitation.Invitation;
import org.cartcompanion.patient.invitation.InvitationStatus;
import org.cartcompanion.patient.invitation.InvitedAs;
import org.cartcompanion.patient.invitation.config.InvitationConfig;
import org.cartcompanion.patient.invitation.mail.InvitationMails;
import org.cartcompanion.patient.invitation.repository.InvitationRepository;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.repository.PatientRepository;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Mails invitations that name an email address. Every replica runs it; each row is claimed by one of them. A refused or
 * unreachable mail server is retried with growing waits while the invitation is pending; the invitation itself (its code was
 * also shown to whoever created it) does not wait on the mail. The code leaves the database once the mail server has it.
 */
@ApplicationScoped
public class InvitationMailer implements DurableJob<Invitation> {

    private static final int BATCH = 20;

    private final InvitationRepository invitations;
    private final PatientRepository patients;
    private final CareTeamDirectory directory;
    private final InvitationConfig config;
    private final WorkLoop<Invitation> loop;

    public InvitationMailer(InvitationRepository invitations, PatientRepository patients, CareTeamDirectory directory,
            InvitationConfig config, WorkLoops loops) {
        this.invitations = invitations;
        this.patients = patients;
        this.directory = directory;
        this.config = config;
        this.loop = loops.loop(this, WorkLoop.Settings.of("invitation-mail", WorkLoop.Claim.BATCH, BATCH)
                .deadline(config.sendTimeout(), "no answer from the mail server within the send timeout")
                .retry(new RetryPolicy(config.retryBase(), config.retryMax())));
    }

    @Scheduled(every = "${patient.invitations.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    /** Sends soon, without waiting for the timer (after an invitation has committed). */
    public void kick() {
        loop.kick();
    }

    /** One pass at {@code now}: how many invitation mails the mail server took. */
    public Uni<Integer> sendDue(Instant now) {
        return loop.pass(now).map(report -> report.succeeded());
    }

    @Override
    public Uni<List<Invitation>> due(Instant now, int limit) {
        return invitations.mailDue(now, limit);
    }

    @Override
    public Instant dueAt(Invitation row) {
        return row.nextAttemptAt;
    }

    /** Closed since it was queued (accepted, withdrawn, expired): not mailed, and the code is dropped. */
    @Override
    public Uni<List<Invitation>> prepare(List<Invitation> claimed, Instant now) {
        claimed.stream().filter(i -> i.status(now) != InvitationStatus.PENDING)
                .forEach(Invitation::close);
        return Uni.createFrom().item(claimed.stream().filter(i -> i.mailCode != null).toList());
    }

    @Override
    public Uni<Void> work(Invitation invitation, Instant now) {
        return patients.findById(invitation.patientId)
                .flatMap(patient -> directory.center(patient.centerId)
                        // Without the center's name and phone the invitation still goes: the code is what matters.
                        .onFailure().recoverWithItem(Optional.empty())
                        .flatMap(center -> mail(invitation, patient, center).send()))
                .invoke(() -> Log.infof("Invitation %s mailed (%s of patient %s)", invitation.id, invitation.invitedAs,
                        invitation.patientId));
    }

    @Override
    public Uni<Void> failed(Invitation invitation, Failure failure) {
        Log.warnf("Invitation %s not mailed (attempt %d), retrying at %s: %s", invitation.id, failure.attempt(),
                failure.retryAt(), failure.error());
        return Uni.createFrom().voidItem();
    }

    private MailTemplateInstance mail(Invitation invitation, Patient patient, Optional<CenterContact> center) {
        boolean asPatient = invitation.invitedAs == InvitedAs.PATIENT;
        String name = invitation.name != null ? invitation.name : patient.displayName;
        String centerName = center.map(CenterContact::name).orElse(null);
        String phone = center.map(CenterContact::phone).orElse("");
        String link = InvitationService.link(config.linkBase(), invitation.mailCode);
        boolean spanish = patient.language == Language.ES;
        Locale locale = spanish ? Locale.forLanguageTag("es") : Locale.US;
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(invitation.expiresAt.atZone(ZoneId.of(patient.timeZone)));
        MailTemplateInstance mail = spanish
                ? InvitationMails.invitation_es(name, asPatient, patient.displayName,
                        centerName == null ? "Su centro de CAR-T" : centerName, invitation.mailCode, link, expires, phone)
                        .subject("Invitación a CAR-T Companion")
                : InvitationMails.invitation_en(name, asPatient, patient.displayName,
                        centerName == null ? "Your CAR-T center" : centerName, invitation.mailCode, link, expires, phone)
                        .subject("Your invitation to CAR-T Companion");
        return mail.to(invitation.email);
    }
}
