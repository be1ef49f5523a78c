package org.cartcompanion.patient.outbox.service;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.repository.OutboxRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Where a change that another service must hear about leaves its event: written in the caller's transaction, so the event
 * exists exactly when the change does, and delivered by {@link OutboxRelay} until confirmed.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(OutboxRepository events, OutboxRelay relay, ObjectMapper json, Clock clock) {
        this.events = events;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds an event of {@code type} about {@code aggregate} to the running transaction; {@code payload} makes the body from the
     * new event's id (receivers deduplicate by it).
     */
    public Uni<OutboxEvent> enqueue(String type, UUID aggregate, Function<UUID, Object> payload) {
        OutboxEvent event;
        try {
            event = event(type, aggregate, payload);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return events.persist(event);
    }

    /** A new event, due at once, for a caller that stores it in its own transaction (the check-in's one statement). */
    public OutboxEvent event(String type, UUID aggregate, Function<UUID, Object> payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = type;
        event.aggregateId = aggregate;
        event.createdAt = clock.instant();
        event.nextAttemptAt = event.createdAt;
        try {
            event.payload = json.writeValueAsString(payload.apply(event.id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload could not be written", e);
        }
        return event;
    }

    /** Once the transaction that enqueued has committed: deliver now rather than at the relay's next tick. */
    public void deliverSoon() {
        relay.kick();
    }
}
