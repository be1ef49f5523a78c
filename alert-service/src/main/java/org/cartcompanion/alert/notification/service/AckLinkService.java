package org.cartcompanion.alert.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.alert.Alert;
import org.cartcompanion.alert.alert.Status;
import org.cartcompanion.alert.alert.repository.AlertRepository;
import org.cartcompanion.alert.alert.service.AlertService;
import org.cartcompanion.alert.notification.AckLink;
import org.cartcompanion.alert.notification.repository.AckLinkRepository;
import org.cartcompanion.alert.notification.repository.NotificationRepository;
import org.cartcompanion.support.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One-click acknowledgement from an email. Opening the link (GET) changes nothing: mail scanners fetch links, and a scanner
 * must never stop a chain. The page's button (POST) acknowledges, once: a forged, expired or used link gets a clear page.
 */
@ApplicationScoped
public class AckLinkService {

    public enum Outcome {
        CONFIRM, ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, RESOLVED, INVALID, EXPIRED, USED,
        /** The link's recipient no longer belongs to the alert's center. */
        REVOKED
    }

    /** What the page shows. */
    public record Result(Outcome outcome, Alert alert, String recipientName) {
    }

    private final AckLinkSigner signer;
    private final AckLinkRepository links;
    private final AlertRepository alerts;
    private final NotificationRepository notifications;
    private final AlertService service;
    private final Clock clock;
    private final Directory directory;

    public AckLinkService(AckLinkSigner signer, AckLinkRepository links, AlertRepository alerts,
            NotificationRepository notifications, AlertService service, Clock clock, Directory directory) {
        this.directory = directory;
        this.signer = signer;
        this.links = links;
        this.alerts = alerts;
        this.notifications = notifications;
        this.service = service;
        this.clock = clock;
    }

    /** GET: what the link is for, and whether it can still be used; nothing is changed. */
    public Uni<Result> open(String token) {
        Instant now = clock.instant();
        return check(token, now).flatMap(checked -> {
            if (checked.outcome() != null) {
                return Uni.createFrom().item(new Result(checked.outcome(), null, null));
            }
            AckLink link = checked.link();
            return stillBelongs(link).flatMap(belongs -> !belongs
                    ? Uni.createFrom().item(new Result(Outcome.REVOKED, null, link.recipientName))
                    : Panache.withSession(() -> alerts.findById(link.alertId)).map(alert -> new Result(switch (alert.status) {
                    case RESOLVED -> Outcome.RESOLVED;
                    case ACKNOWLEDGED -> Outcome.ALREADY_ACKNOWLEDGED;
                    default -> Outcome.CONFIRM;
                    }, alert, link.recipientName)));
        });
    }

    /** POST: acknowledges as the link's recipient, if the link is authentic, current and unused. */
    public Uni<Result> acknowledge(String token) {
        Instant now = clock.instant();
        return check(token, now).flatMap(checked -> {
            if (checked.outcome() != null) {
                return Uni.createFrom().item(new Result(checked.outcome(), null, null));
            }
            AckLink link = checked.link();
            return stillBelongs(link).flatMap(belongs -> belongs ? use(link, now)
                    : Uni.createFrom().item(new Result(Outcome.REVOKED, null, link.recipientName)));
        });
    }

    /** Uses the link once and acknowledges as its recipient, unless the alert is past that. */
    private Uni<Result> use(AckLink link, Instant now) {
        return Panache.withTransaction(() -> alerts.findById(link.alertId).flatMap(alert -> {
            if (alert.status == Status.RESOLVED) {
                return Uni.createFrom().item(new Result(Outcome.RESOLVED, alert, link.recipientName));
            }
            if (alert.status == Status.ACKNOWLEDGED) {
                return Uni.createFrom().item(new Result(Outcome.ALREADY_ACKNOWLEDGED, alert, link.recipientName));
            }
            return links.use(link.id, now).map(first -> first ? null
                    : new Result(Outcome.USED, null, link.recipientName));
        })).flatMap(early -> {
            if (early != null) {
                return Uni.createFrom().item(early);
            }
            return Panache.withSession(() -> notifications.findById(link.notificationId))
                    .flatMap(n -> service.acknowledge(link.alertId, new AlertService.Actor("ack-link", link.clinicianId,
                            link.recipientName, n == null ? null : n.address), "the email link"))
                    .map(view -> new Result(Outcome.ACKNOWLEDGED, view.alert(), link.recipientName))
                    .onFailure(ProblemException.class).recoverWithUni(() -> Panache
                            .withSession(() -> alerts.findById(link.alertId))
                            .map(alert -> new Result(Outcome.RESOLVED, alert, link.recipientName)));
        });
    }

    private record Checked(AckLink link, Outcome outcome) {
    }

    /**
     * False when care-team-service says the link's recipient no longer belongs to the alert's center. When it cannot be asked,
     * the link works: it was sent to somebody on the center's staff, and a page that can still be acknowledged is safer than
     * one nobody can stop.
     */
    private Uni<Boolean> stillBelongs(AckLink link) {
        if (link.clinicianId == null) {
            return Uni.createFrom().item(true);
        }
        return Panache.withSession(() -> alerts.findById(link.alertId)).flatMap(alert -> directory
                .knownClinicians(alert.centerId)
                .map(known -> known.clinicians() == null || known.clinicians().stream()
                        .anyMatch(r -> link.clinicianId.equals(r.clinicianId())))
                .onFailure().recoverWithItem(true));
    }

    private Uni<Checked> check(String token, Instant now) {
        Optional<AckLinkSigner.Claims> claims = signer.verify(token);
        if (claims.isEmpty()) {
            return Uni.createFrom().item(new Checked(null, Outcome.INVALID));
        }
        if (!claims.get().expiresAt().isAfter(now)) {
            return Uni.createFrom().item(new Checked(null, Outcome.EXPIRED));
        }
        return Panache.withSession(() -> links.findById(claims.get().linkId())).map(link -> {
            if (link == null) {
                return new Checked(null, Outcome.INVALID);
            }
            if (link.usedAt != null) {
                return new Checked(link, Outcome.USED);
            }
            return new Checked(link, null);
        });
    }
}
