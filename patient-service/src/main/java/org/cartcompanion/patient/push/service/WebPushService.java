package org.cartcompanion.patient.push.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cartcompanion.patient.caregiver.CaregiverLink;
import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.patient.Patient;
import org.cartcompanion.patient.push.PushSubscription;
import org.cartcompanion.patient.push.WebPushCrypto;
import org.cartcompanion.patient.push.config.WebPushConfig;
import org.cartcompanion.patient.push.repository.PushSubscriptionRepository;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.reactive.Deadlines;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.work.Contexts;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Reminders on the phone by web push, behind {@code patient.web-push.enabled}: the browsers that asked for them, and one
 * encrypted message (RFC 8291) with the service's VAPID token (RFC 8292) to each of the patient's and their caregivers'
 * browsers when a check-in is overdue. The message names nobody and nothing clinical: a lock screen is seen by others. A push
 * service that says the browser is gone (404, 410) loses its subscription.
 */
@ApplicationScoped
public class WebPushService {

    private static final int MAX_ENDPOINT = 2048;

    private final WebPushConfig config;
    private final PushSubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Vertx vertx;
    private final HttpClient http;

    public WebPushService(WebPushConfig config, PushSubscriptionRepository subscriptions, ObjectMapper json, Clock clock,
            Vertx vertx) {
        this.config = config;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.vertx = vertx;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Turned on without a usable key pair, the service refuses to start rather than promise reminders it cannot send. */
    void check(@Observes StartupEvent start) {
        if (config.enabled() && (config.publicKey().isEmpty() || config.privateKey().isEmpty()
                || !WebPushCrypto.validPair(config.publicKey().get(), config.privateKey().get()))) {
            throw new IllegalStateException("patient.web-push.enabled needs patient.web-push.public-key and .private-key, "
                    + "a P-256 key pair (base64url)");
        }
    }

    /** What the app needs to offer reminders: whether they are on, and the key its browser subscribes with. */
    public record Settings(boolean enabled, String publicKey) {
    }

    public Settings settings() {
        return new Settings(config.enabled(), config.enabled() ? config.publicKey().orElse(null) : null);
    }

    /** The caller's browser asks for reminders (again: its keys and user are updated). */
    @WithTransaction
    public Uni<Void> subscribe(Caller caller, String endpoint, String p256dh, String auth) {
        if (!config.enabled()) {
            return Uni.createFrom().failure(ProblemException.notFound("Web push reminders"));
        }
        if (!pushEndpoint(endpoint)) {
            return Uni.createFrom().failure(ProblemException.badRequest(
                    "endpoint must be the push service's https address (at most 2048 characters)."));
        }
        if (p256dh == null || auth == null || !WebPushCrypto.validKeys(p256dh, auth)) {
            return Uni.createFrom().failure(ProblemException.badRequest(
                    "keys.p256dh must be a P-256 public key and keys.auth 16 bytes, base64url, as the browser gives them."));
        }
        return subscriptions.byEndpoint(endpoint).flatMap(found -> {
            PushSubscription s = found != null ? found : new PushSubscription();
            if (found == null) {
                s.id = UUID.randomUUID();
                s.endpoint = endpoint;
                s.createdAt = clock.instant();
            }
            s.subject = caller.subject();
            s.p256dh = p256dh;
            s.auth = auth;
            return subscriptions.persist(s);
        }).replaceWithVoid();
    }

    /** The caller's browser stops reminders; another user's subscription is left alone. */
    @WithTransaction
    public Uni<Void> unsubscribe(Caller caller, String endpoint) {
        return endpoint == null ? Uni.createFrom().voidItem()
                : subscriptions.deleteByEndpoint(endpoint, caller.subject()).replaceWithVoid();
    }

    /**
     * One reminder to every browser of the patient and their caregivers: for each, whether its push service took it. Empty when
     * web push is off or nobody subscribed.
     */
    public Uni<List<Boolean>> remind(Patient patient, List<CaregiverLink> caregivers, String centerPhone) {
        if (!config.enabled()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> subjects = new LinkedHashSet<>();
        if (patient.subject != null) {
            subjects.add(patient.subject);
        }
        caregivers.forEach(c -> subjects.add(c.subject));
        byte[] message = message(patient, centerPhone);
        return Contexts.inOwnTransaction(vertx, () -> subscriptions.forSubjects(subjects)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<Boolean> of());
            }
            List<Uni<Boolean>> sends = new ArrayList<>();
            found.forEach(s -> sends.add(send(s, message, patient)));
            return Uni.join().all(sends).andCollectFailures();
        });
    }

    private Uni<Boolean> send(PushSubscription s, byte[] message, Patient patient) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(s.endpoint)).timeout(config.timeout())
                    .header("TTL", Long.toString(config.ttl().toSeconds()))
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("Urgency", "high")
                    // A newer reminder replaces one the phone has not fetched yet.
                    .header("Topic", "checkinreminder")
                    .header("Authorization", WebPushCrypto.vapid(s.endpoint, config.subject(), config.publicKey().get(),
                            config.privateKey().get(), clock.instant().plus(Duration.ofHours(12))))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(WebPushCrypto.encrypt(message, s.p256dh, s.auth)))
                    .build();
        } catch (IllegalArgumentException unusable) {
            return Uni.createFrom().item(false);
        }
        // The answer comes back on the caller's context (the heartbeat's), not on the HTTP client's thread.
        return Deadlines.<HttpResponse<Void>> onCallersContext(() -> Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())))
                .flatMap(response -> {
                    int status = response.statusCode();
                    if (status == 404 || status == 410) {
                        // The browser unsubscribed or is gone: never again.
                        return Contexts.inOwnTransaction(vertx, () -> subscriptions.deleteByEndpoint(s.endpoint))
                                .replaceWith(false);
                    }
                    if (status / 100 != 2) {
                        Log.warnf("A web push reminder for patient %s was refused by the push service (%d)", patient.id,
                                status);
                    }
                    return Uni.createFrom().item(status / 100 == 2);
                })
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("A web push reminder for patient %s was not sent: %s", patient.id, e.getClass().getSimpleName());
                    return false;
                });
    }

    /** The notification: no name, nothing clinical; the app opens at the check-in. */
    private byte[] message(Patient patient, String centerPhone) {
        boolean es = patient.language == Language.ES;
        String body = es ? "Es hora de registrar sus síntomas. Si se siente mal, llame a su centro de CAR-T"
                : "It is time to check in. If you feel unwell, call your CAR-T center";
        body += centerPhone == null || centerPhone.isBlank() ? "." : (es ? " al " : " at ") + centerPhone + ".";
        var node = json.createObjectNode();
        node.put("title", es ? "Registro de CAR-T pendiente" : "CAR-T check-in due");
        node.put("body", body);
        node.put("url", "/app/#/check-in/" + patient.id);
        node.put("tag", "check-in-" + patient.id);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A push service's address: https (or http on this machine, for a local push service in tests and development). */
    static boolean pushEndpoint(String endpoint) {
        if (endpoint == null || endpoint.length() > MAX_ENDPOINT) {
            return false;
        }
        try {
            URI uri = URI.create(endpoint);
            String host = uri.getHost();
            if (host == null || uri.getUserInfo() != null) {
                return false;
            }
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
