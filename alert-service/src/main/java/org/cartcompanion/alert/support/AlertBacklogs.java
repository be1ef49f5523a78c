package org.cartcompanion.alert.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.metrics.Backlog;
import org.cartcompanion.support.metrics.Backlogs;

/**
 * What alert-service owes people, as {@code cart_backlog_*} metrics: pages and texts due and not yet taken by their channel
 * ({@code notification}, waiting since they were due, retries included), escalation steps due and not yet taken
 * ({@code escalation}, since the step fell due or began failing), the patients' texts not yet queued ({@code patient-text}) and
 * webhook events not yet delivered ({@code webhook}).
 */
@ApplicationScoped
public class AlertBacklogs implements Backlogs {

    @Override
    public List<Backlog> backlogs() {
        return List.of(
                new Backlog("notification", "notification",
                        "status = 'PENDING' AND COALESCE(due_at, next_attempt_at) <= $1", "COALESCE(due_at, next_attempt_at)"),
                new Backlog("escalation", "alert",
                        "next_step_at IS NOT NULL AND COALESCE(step_failing_since, next_step_at) <= $1",
                        "COALESCE(step_failing_since, next_step_at)"),
                new Backlog("patient-text", "patient_text", "status = 'PENDING'", "created_at"),
                new Backlog("webhook", "webhook_delivery", "status = 'PENDING'", "created_at"));
    }
}
