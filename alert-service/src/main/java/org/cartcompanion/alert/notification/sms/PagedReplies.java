package org.cartcompanion.alert.notification.sms;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.service.AlertService;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.support.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Acknowledgements from a paged phone: an SMS reply holding the code of an alert that paged that number, or the key pressed on
 * a page's call. Anything else changes nothing and gets a short answer.
 */
@ApplicationScoped
public class PagedReplies {

    /** What to answer, and the patient whose alert it touched (null when none: nothing to audit). */
    public record Reply(String text, UUID patientId) {
        static Reply only(String text) {
            return new Reply(text, null);
        }
    }

    static final String HELP = "CAR-T Companion: reply with the code from the page to acknowledge it. Nothing was "
            + "acknowledged. In an emergency call the center.";

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{4,6})(?!\\d)");

    private final NotificationRepository notifications;
    private final AlertRepository alerts;
    private final AlertService service;
    private final ReplyCodes codes;
    private final AlertConfig config;
    private final Clock clock;

    public PagedReplies(NotificationRepository notifications, AlertRepository alerts, AlertService service, ReplyCodes codes,
            AlertConfig config, Clock clock) {
        this.notifications = notifications;
        this.alerts = alerts;
        this.service = service;
        this.codes = codes;
        this.config = config;
        this.clock = clock;
    }

    /** The answer to an SMS from {@code from} saying {@code body}. */
    public Uni<Reply> sms(String from, String body) {
        Matcher m = CODE.matcher(body == null ? "" : body);
        if (from == null || from.isBlank() || !m.find()) {
            return Uni.createFrom().item(Reply.only(HELP));
        }
        String number = from.strip();
        String code = m.group(1);
        return Panache.withSession(() -> notifications.toNumber(number, clock.instant()
                .minus(config.links().ackLinkLifetime()))).flatMap(sent -> {
                    Map<UUID, Notification> latest = new LinkedHashMap<>();
                    sent.forEach(n -> latest.putIfAbsent(n.alertId, n));
                    Optional<Notification> paged = latest.values().stream()
                            .filter(n -> codes.matches(n.alertId, number, code)).findFirst();
                    if (paged.isEmpty()) {
                        Log.infof("An SMS reply from a paged number matched no alert; nothing acknowledged");
                        return Uni.createFrom().item(Reply.only("CAR-T Companion: that code does not match an alert "
                                + "paged to this phone. Nothing was acknowledged."));
                    }
                    return acknowledge(paged.get(), "sms-reply", "an SMS reply");
                });
    }

    /** The words a call says after {@code digits} were pressed on the call of notification {@code notificationId}. */
    public Uni<Reply> call(UUID notificationId, String digits) {
        if (!"1".equals(digits == null ? null : digits.strip())) {
            return Uni.createFrom().item(Reply.only("The alert is not acknowledged. Goodbye."));
        }
        return Panache.withSession(() -> notifications.findById(notificationId)).flatMap(n -> {
            if (n == null || n.channel != Notification.Channel.VOICE) {
                return Uni.createFrom().item(Reply.only("This call is not a page. Nothing was acknowledged. Goodbye."));
            }
            return acknowledge(n, "voice-call", "a phone call");
        });
    }

    private Uni<Reply> acknowledge(Notification n, String subject, String via) {
        return Panache.withSession(() -> alerts.findById(n.alertId)).flatMap(alert -> {
            if (alert.status == Status.RESOLVED) {
                return Uni.createFrom().item(new Reply("CAR-T Companion: that alert (" + what(alert) + ") is already "
                        + "resolved.", alert.patientId));
            }
            if (alert.status == Status.ACKNOWLEDGED) {
                return Uni.createFrom().item(new Reply("CAR-T Companion: that alert (" + what(alert) + ") was already "
                        + "acknowledged by " + alert.acknowledger() + ".", alert.patientId));
            }
            return service.acknowledgeAsPaged(n.alertId, n.clinicianId, n.recipientName, subject, via)
                    .map(view -> new Reply("CAR-T Companion: acknowledged (" + what(alert) + "). The escalation has "
                            + "stopped; please call the patient.", alert.patientId))
                    .onFailure(ProblemException.class).recoverWithItem(new Reply("CAR-T Companion: that alert ("
                            + what(alert) + ") is already resolved.", alert.patientId));
        });
    }

    private static String what(Alert alert) {
        return alert.disposition + ", day " + alert.dayPostInfusion;
    }
}
