package org.cartcompanion.alert.access.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.triage.Disposition;
import org.cartcompanion.support.cache.Lookups;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.security.Memberships;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Asks care-team-service (membership, care teams, routing, policy targets) and patient-service (a patient's or caregiver's
 * patients). Answers are cached for a few seconds, so a revoked membership or a new on-call shift counts almost at once; a 404
 * means "nobody", and an unreachable service is a 503 for an API caller rather than a guess.
 */
@ApplicationScoped
public class Directory {

    private final CareTeamClient careTeams;
    private final PatientClient patients;
    private final Clock clock;
    private final Duration timeout;
    private final Duration unreachableFor;
    private volatile Instant unreachableUntil = Instant.MIN;
    private final Cache memberships;
    private final Cache teams;
    private final Cache subjectPatients;
    private final Cache routings;
    private final Cache known;

    public Directory(@RestClient CareTeamClient careTeams, @RestClient PatientClient patients, Clock clock,
            AlertConfig config, @CacheName("alert-memberships") Cache memberships, @CacheName("alert-care-teams") Cache teams,
            @CacheName("alert-subject-patients") Cache subjectPatients, @CacheName("alert-routing") Cache routings,
            @CacheName("alert-known-clinicians") Cache known) {
        this.careTeams = careTeams;
        this.patients = patients;
        this.clock = clock;
        this.timeout = config.directory().timeout();
        this.unreachableFor = config.directory().unreachableFor();
        this.memberships = memberships;
        this.teams = teams;
        this.subjectPatients = subjectPatients;
        this.routings = routings;
        this.known = known;
    }

    public Uni<Memberships> memberships(String subject) {
        return forCaller(cached(memberships, subject, () -> careTeams.memberships(subject)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> absentOn404(e, Memberships.none(subject)))));
    }

    public Uni<CareTeam> careTeam(UUID patientId) {
        return forCaller(cached(teams, patientId, () -> careTeams.careTeam(patientId)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> absentOn404(e, CareTeam.none(patientId)))));
    }

    public Uni<SubjectPatients> patientsOf(String subject) {
        return forCaller(cached(subjectPatients, subject, () -> patients.patients(subject)
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> absentOn404(e, SubjectPatients.none(subject)))));
    }

    /** For validating a policy on save: never cached, so a rotation created a moment ago counts. */
    public Uni<EscalationTargets> escalationTargets(UUID centerId) {
        return forCaller(Deadlines.within(timeout, () -> careTeams.escalationTargets(centerId))
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> absentOn404(e, EscalationTargets.none(centerId))));
    }

    /** The center's clinicians for resolving CLINICIAN targets when a level fires; cached like membership. */
    public Uni<EscalationTargets> knownClinicians(UUID centerId) {
        return cached(known, centerId, () -> careTeams.escalationTargets(centerId));
    }

    /**
     * Who answers for the patient now; {@code centerId} (from the triage event) places a patient without a care team without
     * patient-service. Fails (with the cause) when care-team-service cannot tell; the step then uses the stored directory.
     * After care-team-service could not be reached, calls fail at once for a few seconds rather than each waiting for its
     * timeout, so a hung service does not slow every step.
     */
    public Uni<Routing> routing(UUID patientId, UUID centerId, Disposition disposition) {
        Instant now = clock.instant();
        if (now.isBefore(unreachableUntil)) {
            return Uni.createFrom().failure(new CareTeamUnreachable());
        }
        return cached(routings, patientId + "/" + disposition,
                () -> careTeams.routing(patientId, disposition.name(), now.toString(), centerId))
                        .onFailure(e -> !(e instanceof WebApplicationException))
                        .invoke(e -> unreachableUntil = clock.instant().plus(unreachableFor));
    }

    /** Where to text the patient about their alert; fails when patient-service cannot answer (never cached: revocations). */
    public Uni<PatientPhones> patientPhones(UUID patientId) {
        return Deadlines.within(timeout, () -> patients.phones(patientId));
    }

    /** A center's paging directory, for the stored copy; fails when care-team-service cannot answer (404: unknown). */
    public Uni<PagingDirectory> pagingDirectory(UUID centerId) {
        return Deadlines.within(timeout, () -> careTeams.pagingDirectory(centerId));
    }

    /** One page of every center's paging directory. */
    public Uni<PagingDirectory.Page> pagingDirectories(String cursor, int limit) {
        return Deadlines.within(timeout, () -> careTeams.pagingDirectories(cursor, limit));
    }

    /** Routing was not even asked: care-team-service could not be reached a moment ago. */
    public static final class CareTeamUnreachable extends RuntimeException {
        CareTeamUnreachable() {
            super("care-team-service was unreachable a moment ago", null, false, false);
        }
    }

    private <K, V> Uni<V> cached(Cache cache, K key, Supplier<Uni<V>> load) {
        return Lookups.through(cache, key, timeout, load);
    }

    /** An API caller gets a 503 problem when a dependency cannot answer, never a guess. */
    private static <V> Uni<V> forCaller(Uni<V> lookup) {
        return lookup.onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
            Log.warnf("A dependency is unavailable: %s", e.getClass().getSimpleName());
            return new ProblemException(503, "dependency-unavailable",
                    "Access cannot be checked right now; please retry shortly.");
        });
    }

    private static <V> Uni<V> absentOn404(Throwable e, V absent) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            return Uni.createFrom().item(absent);
        }
        return Uni.createFrom().failure(e);
    }
}
