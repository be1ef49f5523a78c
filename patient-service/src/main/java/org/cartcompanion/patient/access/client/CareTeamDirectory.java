package org.cartcompanion.patient.access.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.support.cache.Lookups;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.security.Memberships;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Asks care-team-service, the source of truth for membership, who belongs where. Answers are cached for a few seconds so a
 * revoked membership stops working quickly; a 404 means "nobody known", and an unreachable care-team-service is a 503 for the
 * caller rather than a guess.
 */
@ApplicationScoped
public class CareTeamDirectory {

    private final CareTeamClient client;
    private final Duration timeout;
    private final Cache memberships;
    private final Cache centers;
    private final Cache careTeams;
    /** Each center's number as last read, kept past the cache for outages (one small entry per center). */
    private final Map<UUID, String> lastPhone = new ConcurrentHashMap<>();

    public CareTeamDirectory(@RestClient CareTeamClient client,
            @ConfigProperty(name = "patient.directory.timeout", defaultValue = "PT3S") Duration timeout,
            @CacheName("patient-memberships") Cache memberships, @CacheName("patient-centers") Cache centers,
            @CacheName("patient-care-teams") Cache careTeams) {
        this.client = client;
        this.timeout = timeout;
        this.memberships = memberships;
        this.centers = centers;
        this.careTeams = careTeams;
    }

    public Uni<Memberships> memberships(String subject) {
        return cached(memberships, subject, () -> client.memberships(subject).onFailure(WebApplicationException.class)
                .recoverWithUni(e -> absentOn404(e, Memberships.none(subject))));
    }

    /** The patient's care team; an empty one when care-team-service has none for the patient. */
    public Uni<CareTeamMembers> careTeam(UUID patientId) {
        return cached(careTeams, patientId, () -> client.careTeam(patientId)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> absentOn404(e, CareTeamMembers.none(patientId))));
    }

    public Uni<Optional<CenterContact>> center(UUID centerId) {
        return this.<UUID, Optional<CenterContact>> cached(centers, centerId, () -> client.center(centerId).map(Optional::of)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> absentOn404(e, Optional.empty())))
                .invoke(contact -> contact.map(CenterContact::phone).ifPresent(phone -> lastPhone.put(centerId, phone)));
    }

    /**
     * The center's coordinators, asked afresh (a daily task needs no cache); an unknown center has none. An unreachable
     * care-team-service is a failure the caller retries.
     */
    public Uni<CenterCoordinators> coordinators(UUID centerId) {
        return Deadlines.within(timeout, () -> client.coordinators(centerId)
                .onFailure(WebApplicationException.class)
                .recoverWithUni(e -> absentOn404(e, new CenterCoordinators(centerId, null, List.of()))));
    }

    /**
     * The number patients are told to call. While care-team-service cannot be reached, the number last read stays in use
     * however old (a center's phone rarely changes, and the patient and the page both need it during the outage); null only
     * when the center is unknown or was never read: callers that must not wait on it (triage, reminders) then name the center
     * without a number.
     */
    public Uni<String> centerPhone(UUID centerId) {
        return center(centerId)
                .map(contact -> contact.map(CenterContact::phone).orElse(null))
                .onFailure().recoverWithItem(e -> {
                    String last = lastPhone.get(centerId);
                    if (last != null) {
                        Log.warnf("Center contact unavailable; the number last read is used");
                        return last;
                    }
                    Log.warnf("Center contact unavailable; the center is named without a number");
                    return null;
                });
    }

    private <K, V> Uni<V> cached(Cache cache, K key, Supplier<Uni<V>> load) {
        return Lookups.<K, V> through(cache, key, timeout, load).onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> {
                    Log.warnf("care-team-service unavailable: %s", e.getClass().getSimpleName());
                    return new ProblemException(503, "dependency-unavailable",
                            "Membership cannot be checked right now; please retry shortly.");
                });
    }

    private static <V> Uni<V> absentOn404(Throwable e, V absent) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            return Uni.createFrom().item(absent);
        }
        return Uni.createFrom().failure(e);
    }
}
