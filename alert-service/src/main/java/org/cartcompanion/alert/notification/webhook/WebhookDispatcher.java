package org.cartcompanion.alert.notification.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.alert.TimelineEntry;
import org.cartcompanion.alert.alert.TimelineType;
import org.cartcompanion.alert.alert.repository.TimelineRepository;
import org.cartcompanion.alert.directory.KnownWebhook;
import org.cartcompanion.alert.notification.WebhookDelivery;
import org.cartcompanion.alert.notification.repository.WebhookDeliveryRepository;
import org.cartcompanion.alert.support.Batches;
import org.cartcompanion.support.work.Attempted;
import org.cartcompanion.support.work.DurableJob;
import org.cartcompanion.support.work.Failure;
import org.cartcompanion.support.work.Outcome;
import org.cartcompanion.support.work.Refusal;
import org.cartcompanion.support.work.RetryPolicy;
import org.cartcompanion.support.work.WorkLoop;
import org.cartcompanion.support.work.WorkLoops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts queued webhook events, signed {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} with the hook's secret, on the
 * durable-work loop: every replica may run it, a delivery is posted by one at a time. A 2xx is delivered; anything else is
 * retried with backoff (2 s doubling to 5 min) and given up after ten attempts, or at once when the receiver says the hook is
 * gone (410). A hook the center removed meanwhile is not posted to. Every attempt goes on the alert's timeline (naming the
 * receiver's host only: a Slack or Teams URL is itself a secret).
 */
@ApplicationScoped
public class WebhookDispatcher implements DurableJob<WebhookDispatcher.Post> {

    static final int MOST_ATTEMPTS = 10;

    /** A claimed delivery and the hook it goes to (null when the hook is gone). */
    public record Post(WebhookDelivery delivery, KnownWebhook hook) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final TimelineRepository timeline;
    private final WebClient client;
    private final WorkLoop<Post> loop;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, TimelineRepository timeline, Vertx vertx,
            WorkLoops loops) {
        this.deliveries = deliveries;
        this.timeline = timeline;
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5000).setFollowRedirects(false)
                .setUserAgent("cart-companion-alert-service"));
        this.loop = loops.loop(this, WorkLoop.Settings.of("webhook", WorkLoop.Claim.BATCH, 20).rowsAtOnce(8)
                .deadline(Duration.ofSeconds(10), "the receiver did not answer within 10 s")
                .retry(new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5))));
    }

    @Scheduled(every = "${alert.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        loop.kick();
    }

    public void kick() {
        loop.kick();
    }

    @Override
    public Uni<List<Post>> due(Instant now, int limit) {
        return deliveries.lockDue(now, limit).map(list -> list.stream().map(d -> new Post(d, null)).toList());
    }

    @Override
    public Instant dueAt(Post row) {
        return row.delivery().nextAttemptAt;
    }

    @Override
    public Attempted ledger(Post row) {
        return row.delivery();
    }

    @Override
    public Object key(Post row) {
        return row.delivery().id;
    }

    /** The hooks of the batch, read once; deliveries to a hook the center removed are cancelled. */
    @Override
    public Uni<List<Post>> prepare(List<Post> claimed, Instant now) {
        List<UUID> ids = claimed.stream().map(p -> p.delivery().webhookId).distinct().toList();
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("from KnownWebhook where id in :ids", KnownWebhook.class).setParameter("ids", ids)
                .getResultList()).flatMap(found -> {
                    Map<UUID, KnownWebhook> byId = found.stream()
                            .collect(Collectors.toMap(h -> h.id, Function.identity()));
                    List<Post> wanted = new ArrayList<>();
                    List<TimelineEntry> cancelled = new ArrayList<>();
                    for (Post p : claimed) {
                        KnownWebhook hook = byId.get(p.delivery().webhookId);
                        if (hook != null) {
                            wanted.add(new Post(p.delivery(), hook));
                            continue;
                        }
                        WebhookDelivery d = p.delivery();
                        d.status = WebhookDelivery.Status.CANCELLED;
                        d.nextAttemptAt = null;
                        cancelled.add(TimelineEntry.of(d.alertId, now, TimelineType.WEBHOOK_FAILED,
                                d.event + " not posted to " + host(d.url) + ": the center removed that webhook"));
                    }
                    return Batches.persist(timeline, cancelled).replaceWith(wanted);
                });
    }

    @Override
    public Uni<Void> work(Post row, Instant now) {
        WebhookDelivery d = row.delivery();
        return client.postAbs(d.url).putHeader("Content-Type", WebhookBodies.mediaType(d.format))
                .putHeader("X-Signature", "sha256=" + sign(row.hook().secret, d.body))
                .putHeader("X-CART-Event", d.event).putHeader("X-CART-Delivery", d.id.toString())
                .timeout(9_000).sendBuffer(Buffer.buffer(d.body))
                .onFailure().transform(e -> new Refusal("the receiver could not be reached: " + e.getClass().getSimpleName()))
                .map(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return null;
                    }
                    String why = "the receiver answered " + status;
                    throw status == 410 ? Refusal.permanent(why + " (the hook is gone)") : new Refusal(why);
                })
                .onFailure(e -> !(e instanceof Refusal r && r.permanent()) && d.attempts + 1 >= MOST_ATTEMPTS)
                .transform(e -> Refusal.permanent(Failure.describe(e, "no answer within 10 s") + "; given up after "
                        + MOST_ATTEMPTS + " attempts"))
                .replaceWithVoid();
    }

    /** Every attempt of the batch on its alert's timeline, in one write. */
    @Override
    public Uni<Void> finish(List<Outcome<Post>> outcomes, Instant now) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Outcome<Post> o : outcomes) {
            WebhookDelivery d = o.row().delivery();
            if (o.succeeded()) {
                entries.add(TimelineEntry.of(d.alertId, o.at(), TimelineType.WEBHOOK_SENT, d.event + " posted to "
                        + host(d.url) + (d.attempts > 1 ? " (attempt " + d.attempts + ")" : "")));
            } else {
                Failure f = o.failure();
                entries.add(TimelineEntry.of(d.alertId, o.at(), TimelineType.WEBHOOK_FAILED, d.event + " to " + host(d.url)
                        + ", attempt " + f.attempt() + ": " + f.error() + (f.permanent() ? "; not retried"
                                : "; next try in " + f.delay().toSeconds() + " s")));
                Log.warnf("Webhook delivery %s for alert %s failed (attempt %d): %s", d.id, d.alertId, f.attempt(),
                        f.error());
            }
        }
        return Batches.persist(timeline, entries);
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "the webhook" : host;
        } catch (IllegalArgumentException e) {
            return "the webhook";
        }
    }
}
