package org.cartcompanion.alert.triage.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.triage.TriageEvent;
import org.cartcompanion.alert.triage.repository.TriageEventRepository;
import org.cartcompanion.alert.triage.rest.TriageEventReceipt;
import org.cartcompanion.alert.triage.rest.TriageEventRequest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Stores each triage event once, however often it is delivered. */
@ApplicationScoped
public class TriageIntakeService {

    private final TriageEventRepository events;
    private final Clock clock;

    public TriageIntakeService(TriageEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<TriageEventReceipt> receive(TriageEventRequest request) {
        return events.findById(request.eventId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new TriageEventReceipt(existing.eventId, existing.receivedAt));
            }
            TriageEvent event = new TriageEvent();
            event.eventId = request.eventId();
            event.patientId = request.patientId();
            event.centerId = request.centerId();
            event.checkInId = request.checkInId();
            event.disposition = request.disposition();
            event.firedRules = request.firedRules();
            event.dayPostInfusion = request.dayPostInfusion();
            event.phase = request.phase();
            event.summary = request.summary();
            event.occurredAt = request.occurredAt().toInstant();
            event.receivedAt = clock.instant();
            return events.persistAndFlush(event).map(saved -> new TriageEventReceipt(saved.eventId, saved.receivedAt));
        });
    }
}
