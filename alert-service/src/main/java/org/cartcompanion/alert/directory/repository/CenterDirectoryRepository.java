package org.cartcompanion.alert.directory.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.ContactMethod;
import org.cartcompanion.alert.access.client.PagingDirectory;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.directory.CenterDirectory;
import org.cartcompanion.alert.directory.KnownClinician;
import org.cartcompanion.alert.directory.KnownWebhook;
import org.cartcompanion.alert.directory.OnCallTurn;
import org.cartcompanion.alert.directory.StoredDirectory;
import org.cartcompanion.alert.escalation.engine.Tier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CenterDirectoryRepository implements PanacheRepositoryBase<CenterDirectory, UUID> {

    /** Upserts the center's row unless a newer directory is stored; the row stays locked until the transaction ends. */
    private static final String UPSERT = """
            INSERT INTO center_directory (center_id, name, time_zone, phone, hotline_email, valid_from, valid_until,
                                          refreshed_at)
            VALUES (:center, :name, :zone, :phone, :hotline, :from, :until, :now)
            ON CONFLICT (center_id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                phone = EXCLUDED.phone, hotline_email = EXCLUDED.hotline_email, valid_from = EXCLUDED.valid_from,
                valid_until = EXCLUDED.valid_until, refreshed_at = EXCLUDED.refreshed_at
            WHERE center_directory.valid_from <= EXCLUDED.valid_from""";

    /**
     * Replaces the stored directory of the center with care-team-service's answer, in the caller's transaction. Answers false
     * when a newer one was stored meanwhile (by another replica) and nothing changed.
     */
    public Uni<Boolean> replace(PagingDirectory d, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT)
                .setParameter("center", d.centerId()).setParameter("name", d.name()).setParameter("zone", d.timeZone())
                .setParameter("phone", d.phone()).setParameter("hotline", d.hotlineEmail())
                .setParameter("from", d.from()).setParameter("until", d.until()).setParameter("now", now)
                .executeUpdate()
                .flatMap(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return session.createMutationQuery("delete from OnCallTurn where centerId = :center")
                            .setParameter("center", d.centerId()).executeUpdate()
                            .chain(() -> session.createMutationQuery("delete from KnownClinician where centerId = :center")
                                    .setParameter("center", d.centerId()).executeUpdate())
                            .chain(() -> session.createMutationQuery("delete from KnownWebhook where centerId = :center")
                                    .setParameter("center", d.centerId()).executeUpdate())
                            .chain(() -> session.persistAll(rows(d).toArray()))
                            .replaceWith(true);
                }));
    }

    /** What the stored directory says about the center at {@code at}; null when the center was never stored. */
    public Uni<StoredDirectory> at(UUID centerId, Instant at) {
        return findById(centerId).flatMap(center -> {
            if (center == null) {
                return Uni.createFrom().nullItem();
            }
            return getSession().flatMap(session -> session.createSelectionQuery(
                    "from OnCallTurn where centerId = :center and startsAt <= :at and endsAt > :at order by tier, startsAt",
                    OnCallTurn.class).setParameter("center", centerId).setParameter("at", at).getResultList()
                    .flatMap(turns -> session.createSelectionQuery(
                            "from KnownClinician where centerId = :center order by name, clinicianId", KnownClinician.class)
                            .setParameter("center", centerId).getResultList()
                            .map(known -> stored(center, turns, known))));
        });
    }

    private static StoredDirectory stored(CenterDirectory center, List<OnCallTurn> turns, List<KnownClinician> known) {
        Map<Tier, List<Recipient>> onCall = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            onCall.put(tier, new ArrayList<>());
        }
        for (OnCallTurn t : turns) {
            onCall.get(t.tier)
                    .add(new Recipient(t.clinicianId, t.name, t.email, t.phone, ContactMethod.read(t.contactMethods)));
        }
        return new StoredDirectory(center.centerId, center.phone, center.hotlineEmail, onCall, known.stream()
                .map(k -> new Recipient(k.clinicianId, k.name, k.email, k.phone, ContactMethod.read(k.contactMethods)))
                .toList(), center.refreshedAt,
                center.validUntil);
    }

    private static List<Object> rows(PagingDirectory d) {
        List<Object> rows = new ArrayList<>();
        for (PagingDirectory.Turn turn : d.onCall() == null ? List.<PagingDirectory.Turn> of() : d.onCall()) {
            Tier tier = tier(turn.tier());
            if (tier == null || turn.recipient() == null || turn.recipient().clinicianId() == null) {
                continue;
            }
            OnCallTurn row = new OnCallTurn();
            row.id = UUID.randomUUID();
            row.centerId = d.centerId();
            row.tier = tier;
            row.startsAt = turn.start();
            row.endsAt = turn.end();
            row.clinicianId = turn.recipient().clinicianId();
            row.name = turn.recipient().name();
            row.email = turn.recipient().email();
            row.phone = turn.recipient().phone();
            row.contactMethods = ContactMethod.stored(turn.recipient().contactMethods());
            rows.add(row);
        }
        Set<UUID> seen = new HashSet<>();
        for (Recipient r : d.clinicians() == null ? List.<Recipient> of() : d.clinicians()) {
            if (r.clinicianId() == null || !seen.add(r.clinicianId())) {
                continue;
            }
            KnownClinician row = new KnownClinician();
            row.id = UUID.randomUUID();
            row.centerId = d.centerId();
            row.clinicianId = r.clinicianId();
            row.name = r.name();
            row.email = r.email();
            row.phone = r.phone();
            row.contactMethods = ContactMethod.stored(r.contactMethods());
            rows.add(row);
        }
        Set<UUID> hooks = new HashSet<>();
        for (PagingDirectory.Webhook w : d.webhooks() == null ? List.<PagingDirectory.Webhook> of() : d.webhooks()) {
            if (w.id() == null || w.url() == null || w.secret() == null || w.events() == null || !hooks.add(w.id())) {
                continue;
            }
            KnownWebhook row = new KnownWebhook();
            row.id = w.id();
            row.centerId = d.centerId();
            row.url = w.url();
            row.events = String.join(",", w.events());
            row.format = w.format() == null ? "CLOUDEVENTS" : w.format();
            row.secret = w.secret();
            rows.add(row);
        }
        return rows;
    }

    /** The center's webhooks that want {@code event}, in the caller's session. */
    public Uni<List<KnownWebhook>> webhooks(UUID centerId, String event) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "from KnownWebhook where centerId = :center order by id", KnownWebhook.class).setParameter("center", centerId)
                .getResultList()).map(all -> all.stream().filter(h -> h.wants(event)).toList());
    }

    /** A tier this service knows, or null for one a newer care-team-service may add (it is skipped, not guessed). */
    private static Tier tier(String name) {
        for (Tier t : Tier.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
