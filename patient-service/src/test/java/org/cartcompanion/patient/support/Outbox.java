package org.cartcompanion.patient.support;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.cartcompanion.patient.outbox.OutboxEvent;
import org.cartcompanion.patient.outbox.repository.OutboxRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Reads the outbox the way the relay would, for tests that check what was queued. */
public final class Outbox {

    private Outbox() {
    }

    public static List<OutboxEvent> forCheckIn(String checkInId) {
        OutboxRepository repository = CDI.current().select(OutboxRepository.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> repository.list("aggregateId", UUID.fromString(checkInId))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
