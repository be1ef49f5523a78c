package org.cartcompanion.alert.escalation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cartcompanion.alert.access.client.EscalationTargets;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.access.client.Routing;
import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.escalation.engine.Responsible;
import org.cartcompanion.alert.escalation.engine.Target;
import org.cartcompanion.alert.escalation.engine.Tier;

/**
 * Who a step's targets name. care-team-service's routing answer wins when it came; otherwise the stored directory names the
 * center's on-call at this instant and the clinicians it knows (a care team or community physician is patient-specific and is
 * not stored: the fallback is paged for them). With neither, only a policy naming clinicians directly can be served.
 */
public record Roster(Optional<Routing> routing, Optional<StoredDirectory> stored, Optional<EscalationTargets> known) {

    /** Whether anyone beyond directly named clinicians can be named: routing answered, or the center is stored. */
    public boolean namesTheCenter() {
        return routing.isPresent() || stored.isPresent();
    }

    public boolean fromStore() {
        return routing.isEmpty() && stored.isPresent();
    }

    /**
     * Whom routing names first; the center when routing did not answer (emergencies and center dispositions go there anyway).
     */
    public Responsible responsible() {
        return routing.map(Routing::responsible).orElse(Responsible.CENTER);
    }

    /** The center's hotline, from routing or the stored directory. */
    public Optional<String> hotline() {
        return routing.map(Routing::fallbackEmail).or(() -> stored.map(StoredDirectory::hotlineEmail));
    }

    public Optional<String> centerPhone() {
        return routing.map(Routing::centerPhone).or(() -> stored.map(StoredDirectory::phone));
    }

    /** The people the target names now; empty when nobody (the caller pages the fallback instead). */
    public List<Recipient> resolve(Target target) {
        if (routing.isPresent()) {
            Routing r = routing.get();
            return switch (target.kind()) {
            case ON_CALL_PRIMARY -> r.onCall(Tier.PRIMARY);
            case ON_CALL_BACKUP -> r.onCall(Tier.BACKUP);
            case CARE_TEAM -> r.careTeamOrEmpty();
            case COMMUNITY_PHYSICIAN -> r.communityPhysiciansOrEmpty();
            case CLINICIAN -> clinician(target, everyoneRouted(r));
            };
        }
        if (stored.isPresent()) {
            StoredDirectory d = stored.get();
            return switch (target.kind()) {
            case ON_CALL_PRIMARY -> d.onCall(Tier.PRIMARY);
            case ON_CALL_BACKUP -> d.onCall(Tier.BACKUP);
            case CARE_TEAM, COMMUNITY_PHYSICIAN -> List.of();
            case CLINICIAN -> clinician(target, d.clinicians());
            };
        }
        return target.kind() == Target.Kind.CLINICIAN ? clinician(target, List.of()) : List.of();
    }

    private List<Recipient> everyoneRouted(Routing r) {
        List<Recipient> everyone = new ArrayList<>();
        everyone.addAll(r.onCall(Tier.PRIMARY));
        everyone.addAll(r.onCall(Tier.BACKUP));
        everyone.addAll(r.careTeamOrEmpty());
        everyone.addAll(r.communityPhysiciansOrEmpty());
        return everyone;
    }

    private List<Recipient> clinician(Target target, List<Recipient> candidates) {
        List<Recipient> all = new ArrayList<>(candidates);
        known.ifPresent(k -> all.addAll(k.clinicians() == null ? List.of() : k.clinicians()));
        return all.stream().filter(r -> target.clinicianId().equals(r.clinicianId())).limit(1).toList();
    }
}
