package org.cartcompanion.patient.checkin.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.access.client.CareTeamDirectory;
import org.cartcompanion.patient.checkin.repository.CheckInStore;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.patient.service.PatientAccess;
import org.cartcompanion.patient.triage.CheckInForm;
import org.cartcompanion.patient.triage.PatientContext;
import org.cartcompanion.patient.triage.RuleSet;
import org.cartcompanion.support.cache.Lookups;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The check-in form of one patient today (API.md v1.1): who may read it, and the form built from the rule table for their
 * phase, product and clinical status. Working out the offline rules asks the engine some tens of thousands of questions (tens
 * of milliseconds), so a built form is kept per patient and everything it depends on, on a worker thread.
 */
@ApplicationScoped
public class CheckInFormService {

    /** How long a first build may take before the caller is told to try again. */
    private static final Duration BUILD_DEADLINE = Duration.ofSeconds(20);

    private final CheckInStore store;
    private final CheckInService checkIns;
    private final PatientAccess access;
    private final CareTeamDirectory directory;
    private final Cache forms;
    private final Clock clock;

    public CheckInFormService(CheckInStore store, CheckInService checkIns, PatientAccess access, CareTeamDirectory directory,
            @CacheName("patient-check-in-forms") Cache forms, Clock clock) {
        this.store = store;
        this.checkIns = checkIns;
        this.access = access;
        this.directory = directory;
        this.forms = forms;
        this.clock = clock;
    }

    /** Everything a form depends on: the same key gives the same form. */
    private record Key(PatientContext context, String rulesVersion, Language language) {
    }

    /**
     * The form for the patient, in {@code language} (else the patient's own). The patient, a linked caregiver, or a clinician
     * or coordinator of the patient's center: 404 for anyone who may not see the patient, 403 for someone who sees them but is
     * none of these (a community physician).
     */
    public Uni<CheckInForm.Form> form(UUID patientId, Caller caller, Optional<Language> language) {
        String caregiver = caller.has(Roles.CAREGIVER) ? caller.subject() : null;
        return store.start(patientId, caregiver).flatMap(start -> {
            Patient patient = start.patient();
            if (patient == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            return allowed(patient, caller, start.linked())
                    .flatMap(ignored -> directory.centerPhone(patient.centerId))
                    .flatMap(phone -> {
                        RuleSet rules = checkIns.ruleSet(patient, start.thresholds());
                        Instant now = clock.instant();
                        return checkIns.context(patient, start.status(), rules, now, now, phone)
                                .flatMap(context -> build(context, rules, language.orElse(patient.language), now));
                    });
        });
    }

    private Uni<Boolean> allowed(Patient patient, Caller caller, boolean linked) {
        return access.maySee(patient, caller, linked).flatMap(visible -> {
            if (!visible) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient"));
            }
            boolean self = caller.has(Roles.PATIENT) && caller.subject().equals(patient.subject);
            if (self || (caller.has(Roles.CAREGIVER) && linked)) {
                return Uni.createFrom().item(true);
            }
            return access.isCenterStaff(patient.centerId, caller).map(staff -> {
                if (!staff) {
                    throw ProblemException.forbidden(
                            "Only the patient, a linked caregiver or the center's clinicians and coordinators read the form.");
                }
                return true;
            });
        });
    }

    private Uni<CheckInForm.Form> build(PatientContext context, RuleSet rules, Language language, Instant now) {
        Key key = new Key(context, rules.version(), language);
        return Lookups.through(forms, key, BUILD_DEADLINE, () -> Uni.createFrom()
                .item(() -> CheckInForm.build(context, rules, language, now))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
