package org.cartcompanion.careteam.mail;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.retention.RetentionRule;
import org.cartcompanion.support.retention.RetentionRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sent mail's body (a hand-off notice names the patient's day and phase) is kept {@code cart.retention.sent-mail} (30 days,
 * to answer "did the mail go out?") and then deleted; mail not yet sent is never deleted.
 */
@ApplicationScoped
public class MailRetention implements RetentionRules {

    private final Duration keep;

    public MailRetention(@ConfigProperty(name = "cart.retention.sent-mail", defaultValue = "P30D") Duration keep) {
        this.keep = keep;
    }

    @Override
    public List<RetentionRule> rules() {
        return List.of(new RetentionRule("sent mail", "mail_outbox", "id", "sent_at", "sent_at IS NOT NULL", keep));
    }
}
