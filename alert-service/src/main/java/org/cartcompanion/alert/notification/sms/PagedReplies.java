package org.cartcompanion.alert.notification.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
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
    private final Directory directory;
    private final Clock clock;

    public PagedReplies(NotificationRepository notifications, AlertRepository alerts, AlertService service, ReplyCodes codes,
            AlertConfig config, Directory directory, Clock clock) {
        this.notifications = notifications;
        this.alerts = alerts;
        this.service = service;
        this.codes = codes;
        this.config = config;
        this.directory = directory;
        this.clock = clock;
    }

    /** The answer to an SMS ({@code sid}, the provider's MessageSid) from {@code from} saying {@code body}. */
    public Uni<Reply> sms(String sid, String from, String body) {
        Matcher m = CODE.matcher(body == null ? "" : body);
        if (sid == null || sid.isBlank() || from == null || from.isBlank() || !m.find()) {
            return Uni.createFrom().item(Reply.only(HELP));
        }
        String number = from.strip();
        String code = m.group(1);
        return Panache.withSession(() -> notifications.pagesTo(number, clock.instant()
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
                    return acknowledge(paged.get(), "sms:" + sid.strip(), "sms-reply", "an SMS reply");
                });
    }

    /**
     * The words a call ({@code sid}, the provider's CallSid) says after {@code digits} were pressed on the call of notification
     * {@code notificationId}.
     */
    public Uni<Reply> call(String sid, UUID notificationId, String digits) {
        if (!"1".equals(digits == null ? null : digits.strip())) {
            return Uni.createFrom().item(Reply.only("The alert is not acknowledged. Goodbye."));
        }
        if (sid == null || sid.isBlank()) {
            return Uni.createFrom().item(Reply.only("This call is not a page. Nothing was acknowledged. Goodbye."));
        }
        Instant since = clock.instant().minus(config.links().ackLinkLifetime());
        return Panache.withSession(() -> notifications.findById(notificationId)).flatMap(n -> {
            if (n == null || n.channel != Notification.Channel.VOICE || !NotificationRepository.ANSWERABLE.contains(n.purpose)
                    || n.createdAt.isBefore(since)) {
                return Uni.createFrom().item(Reply.only("This call is not a page. Nothing was acknowledged. Goodbye."));
            }
            return acknowledge(n, "call:" + sid.strip() + ":1", "voice-call", "a phone call");
        });
    }

    /**
     * Acknowledges as the page's clinician, once per provider callback ({@code callback}: a signed request sent again
     * acknowledges nothing), unless they no longer belong to the alert's center (as for an email link: when care-team-service
     * cannot say, the answer works).
     */
    private Uni<Reply> acknowledge(Notification n, String callback, String subject, String via) {
        return Panache.withSession(() -> alerts.findById(n.alertId)).flatMap(alert -> {
            if (alert.status == Status.RESOLVED) {
                return Uni.createFrom().item(new Reply("CAR-T Companion: that alert (" + what(alert) + ") is already "
                        + "resolved.", alert.patientId));
            }
            if (alert.status == Status.ACKNOWLEDGED) {
                return Uni.createFrom().item(new Reply("CAR-T Companion: that alert (" + what(alert) + ") was already "
                        + "acknowledged by " + alert.acknowledger() + ".", alert.patientId));
            }
            return stillBelongs(n, alert).flatMap(belongs -> {
                if (!belongs) {
                    return Uni.createFrom().item(new Reply("CAR-T Companion: you no longer belong to this center's care "
                            + "team, so nothing was acknowledged; the escalation goes on.", alert.patientId));
                }
                return Panache.withTransaction(() -> notifications.firstCallback(callback, clock.instant()))
                        .flatMap(first -> !first
                                ? Uni.createFrom().item(new Reply("CAR-T Companion: this answer was already received. "
                                        + "Nothing changed.", alert.patientId))
                                : service.acknowledgeAsPaged(n.alertId, n.clinicianId, n.recipientName, subject, via)
                                        .map(view -> new Reply("CAR-T Companion: acknowledged (" + what(alert)
                                                + "). The escalation has stopped; please call the patient.",
                                                alert.patientId))
                                        .onFailure(ProblemException.class).recoverWithItem(new Reply(
                                                "CAR-T Companion: that alert (" + what(alert) + ") is already resolved.",
                                                alert.patientId)));
            });
        });
    }

    private Uni<Boolean> stillBelongs(Notification n, Alert alert) {
        if (n.clinicianId == null) {
            return Uni.createFrom().item(true);
        }
        return directory.knownClinicians(alert.centerId)
                .map(known -> known.clinicians() == null || known.clinicians().stream()
                        .anyMatch(r -> n.clinicianId.equals(r.clinicianId())))
                .onFailure().recoverWithItem(true);
    }

    private static String what(Alert alert) {
        return alert.disposition + ", day " + alert.dayPostInfusion;
    }
}
