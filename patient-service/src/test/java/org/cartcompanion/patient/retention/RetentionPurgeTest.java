package org.cartcompanion.patient.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cartcompanion.support.retention.RetentionPurge;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Delivered outbox payloads go after 30 days; undelivered ones and the audit trail younger than six years never do. */
@QuarkusTest
class RetentionPurgeTest {

    @Inject
    RetentionPurge purge;

    @Inject
    Pool pool;

    @Test
    void deliveredPayloadsPastTheirTimeGoAndNothingElse() throws Throwable {
        Instant now = Instant.now();
        UUID old = outbox(now.minus(Duration.ofDays(31)), true);
        UUID recent = outbox(now.minus(Duration.ofDays(29)), true);
        UUID undelivered = outbox(now.minus(Duration.ofDays(90)), false);
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("INSERT INTO audit_event (at, actor, roles, action,"
                + " method, path, patient_id, status) VALUES ($1, 'x', '', 'test', 'GET', '/api/v1/patients', NULL, 200)")
                .execute(Tuple.of(now.minus(Duration.ofDays(400)).atOffset(ZoneOffset.UTC))));

        Map<String, Long> deleted = VertxContextSupport.subscribeAndAwait(() -> purge.purgeNow(now));
        assertTrue(deleted.get("delivered outbox event") >= 1, deleted::toString);
        assertEquals(0L, deleted.get("audit"), deleted::toString);
        assertEquals(0, count(old));
        assertEquals(1, count(recent));
        assertEquals(1, count(undelivered));
    }

    private UUID outbox(Instant createdAt, boolean delivered) throws Throwable {
        UUID id = UUID.randomUUID();
        var at = createdAt.atOffset(ZoneOffset.UTC);
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("INSERT INTO outbox_event (id, event_type,"
                + " aggregate_id, payload, created_at, attempts, next_attempt_at, delivered_at)"
                + " VALUES ($1, 'TEST', $2, '{}', $3, 0, $3, $4)")
                .execute(Tuple.of(id, UUID.randomUUID(), at, delivered ? at : null)));
        return id;
    }

    private int count(UUID id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE id = $1")
                .execute(Tuple.of(id))).iterator().next().getInteger(0);
    }
}
