package org.cartcompanion.patient.outbox.config;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.retention.RetentionRule;
import org.cartcompanion.support.retention.RetentionRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A delivered outbox event's payload (a triage event, with the patient's phone) has done its work once alert-service has it; it
 * is kept {@code cart.retention.delivered-outbox} (30 days, for investigating a delivery) and then deleted. Undelivered events
 * are never deleted.
 */
@ApplicationScoped
public class OutboxRetention implements RetentionRules {

    private final Duration keep;

    public OutboxRetention(@ConfigProperty(name = "cart.retention.delivered-outbox", defaultValue = "P30D") Duration keep) {
        this.keep = keep;
    }

    @Override
    public List<RetentionRule> rules() {
        return List.of(new RetentionRule("delivered outbox event", "outbox_event", "id", "delivered_at",
                "delivered_at IS NOT NULL", keep));
    }
}
