package org.cartcompanion.alert.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.ContactMethod;
import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.notification.Notification;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Memberships;
import org.cartcompanion.support.work.Failure;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A clinician sends themselves a test page: every contact method they chose, at once, answered method by method (sent, not
 * configured here, or the channel's refusal), so that a wrong number is found before 2 a.m. At most one a minute per clinician
 * (an SMS and a call cost money and wake people).
 */
@ApplicationScoped
public class TestPages {

    static final Duration ONE_PER = Duration.ofMinutes(1);
    private static final Duration SEND_WITHIN = Duration.ofSeconds(10);

    /** How one method went: SENT, NOT_CONFIGURED or FAILED (with the channel's words). */
    public record Result(String type, String address, int delaySeconds, String status, String error) {
    }

    private final Directory directory;
    private final Channels channels;
    private final Clock clock;
    private final Map<UUID, Instant> last = new ConcurrentHashMap<>();

    public TestPages(Directory directory, Channels channels, Clock clock) {
        this.directory = directory;
        this.channels = channels;
        this.clock = clock;
    }

    public Uni<List<Result>> send(Caller caller) {
        return directory.memberships(caller.subject()).flatMap(m -> {
            if (m.clinicianId() == null || m.memberships() == null || m.memberships().isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("Clinician"));
            }
            Instant now = clock.instant();
            Instant before = last.get(m.clinicianId());
            if (before != null && now.isBefore(before.plus(ONE_PER))) {
                return Uni.createFrom().failure(new ProblemException(429, "too-many-test-pages", "One test page a minute: "
                        + "try again in " + Math.max(1, Duration.between(now, before.plus(ONE_PER)).toSeconds()) + " s."));
            }
            return recipient(m, 0).onFailure(e -> !(e instanceof ProblemException))
                    .transform(e -> new ProblemException(503, "dependency-unavailable",
                            "Your contact methods cannot be read right now; please retry shortly."))
                    .flatMap(found -> {
                        if (found.isEmpty()) {
                            return Uni.createFrom().failure(ProblemException.notFound("Clinician"));
                        }
                        Recipient me = found.get();
                        last.put(m.clinicianId(), now);
                        return Multi.createFrom().iterable(me.methods()).onItem()
                                .transformToUniAndConcatenate(method -> test(me, method)).collect().asList();
                    });
        });
    }

    /** The clinician as the first of their centers that lists them names them (with their contact methods). */
    private Uni<Optional<Recipient>> recipient(Memberships m, int i) {
        if (i >= m.memberships().size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // Not the cached list: a clinician who has just saved a new number tests that one.
        return directory.escalationTargets(m.memberships().get(i).centerId()).flatMap(known -> {
            Optional<Recipient> me = (known.clinicians() == null ? List.<Recipient> of() : known.clinicians()).stream()
                    .filter(r -> m.clinicianId().equals(r.clinicianId())).findFirst();
            return me.isPresent() ? Uni.createFrom().item(me) : recipient(m, i + 1);
        });
    }

    private Uni<Result> test(Recipient me, ContactMethod method) {
        int delay = (int) method.delay().toSeconds();
        Notification.Channel channel;
        try {
            channel = Notification.Channel.valueOf(method.type());
        } catch (IllegalArgumentException unknown) {
            return Uni.createFrom().item(new Result(method.type(), method.address(), delay, "NOT_CONFIGURED",
                    "this service does not know the channel"));
        }
        if (!channels.sends(channel)) {
            return Uni.createFrom().item(new Result(method.type(), method.address(), delay, "NOT_CONFIGURED",
                    "this deployment cannot send " + channel.name().toLowerCase() + " (alert.sms.* not set)"));
        }
        return Deadlines.within(SEND_WITHIN, () -> channels.notifier(channel).send(Page.test(me.name(), method.address())))
                .map(id -> new Result(method.type(), method.address(), delay, "SENT", null))
                .onFailure().recoverWithItem(e -> {
                    Log.infof("A test page by %s failed: %s", channel, e.getMessage());
                    return new Result(method.type(), method.address(), delay, "FAILED",
                            Failure.describe(e, "no answer within " + SEND_WITHIN.toSeconds() + " s"));
                });
    }
}
