package org.cartcompanion.careteam.center.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.CenterWebhook;
import org.cartcompanion.careteam.center.repository.CenterWebhookRepository;
import org.cartcompanion.careteam.center.rest.WebhookRequest;
import org.cartcompanion.careteam.center.rest.WebhookResponse;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A center's webhooks, saved by its coordinator. A hook keeps its secret while its URL stays in the list; a new URL gets a new
 * secret, shown once in the answer that made it.
 */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MOST = 10;

    private final CenterWebhookRepository hooks;
    private final CenterAccess access;
    private final Clock clock;

    public WebhookService(CenterWebhookRepository hooks, CenterAccess access, Clock clock) {
        this.hooks = hooks;
        this.access = access;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<WebhookResponse>> get(UUID centerId, Caller caller) {
        return access.staff(centerId, caller, Roles.COORDINATOR).flatMap(center -> hooks.ofCenter(centerId))
                .map(list -> list.stream().map(h -> WebhookResponse.of(h, false)).toList());
    }

    @WithTransaction
    public Uni<List<WebhookResponse>> replace(UUID centerId, List<WebhookRequest> request, Caller caller) {
        List<Checked> checked = check(request);
        return access.staff(centerId, caller, Roles.COORDINATOR).flatMap(center -> hooks.ofCenter(centerId))
                .flatMap(before -> {
                    // Hooks that stay are the same rows (their id, secret and age kept); the rest are removed, new ones made.
                    Map<String, CenterWebhook> kept = new HashMap<>();
                    before.forEach(h -> kept.put(h.url, h));
                    Instant now = clock.instant();
                    List<CenterWebhook> rows = new ArrayList<>();
                    List<CenterWebhook> made = new ArrayList<>();
                    for (int i = 0; i < checked.size(); i++) {
                        Checked c = checked.get(i);
                        CenterWebhook row = kept.remove(c.url());
                        if (row == null) {
                            row = new CenterWebhook();
                            row.id = UUID.randomUUID();
                            row.centerId = centerId;
                            row.url = c.url();
                            row.secret = secret();
                            row.createdAt = now;
                            made.add(row);
                        }
                        row.position = (short) i;
                        row.events = String.join(",", c.events());
                        row.format = c.format();
                        rows.add(row);
                    }
                    Uni<Void> removed = Uni.createFrom().voidItem();
                    for (CenterWebhook gone : kept.values()) {
                        removed = removed.call(() -> hooks.delete(gone));
                    }
                    return removed.call(() -> made.isEmpty() ? Uni.createFrom().voidItem() : hooks.persist(made))
                            .map(v -> rows.stream()
                                    .map(h -> WebhookResponse.of(h, made.contains(h))).toList());
                });
    }

    private record Checked(String url, List<String> events, String format) {
    }

    /** Every hook valid, or 422 naming the first that is not (nothing is saved then). */
    private static List<Checked> check(List<WebhookRequest> request) {
        if (request.size() > MOST) {
            throw ProblemException.unprocessable("", "at most " + MOST + " webhooks per center");
        }
        Set<String> urls = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            WebhookRequest hook = request.get(i);
            String url = hook.url().strip();
            String why = unusable(url);
            if (why != null) {
                throw ProblemException.unprocessable("[" + i + "].url", why);
            }
            if (!urls.add(url)) {
                throw ProblemException.unprocessable("[" + i + "].url", "repeats a webhook given before");
            }
            Set<String> wanted = new HashSet<>();
            for (String event : hook.events()) {
                String name = event.strip().toUpperCase(Locale.ROOT);
                if (!CenterWebhook.EVENTS.contains(name)) {
                    throw ProblemException.unprocessable("[" + i + "].events",
                            "must name events of " + String.join(", ", CenterWebhook.EVENTS));
                }
                wanted.add(name);
            }
            String format = hook.format() == null || hook.format().isBlank() ? "CLOUDEVENTS"
                    : hook.format().strip().toUpperCase(Locale.ROOT);
            if (!CenterWebhook.FORMATS.contains(format)) {
                throw ProblemException.unprocessable("[" + i + "].format",
                        "must be one of " + String.join(", ", CenterWebhook.FORMATS));
            }
            checked.add(new Checked(url, CenterWebhook.EVENTS.stream().filter(wanted::contains).toList(), format));
        }
        return checked;
    }

    /**
     * Why a URL cannot take the center's events: they leave the hospital only over TLS (plain HTTP only to this machine, for a
     * local receiver); no credentials in the URL; null when it is usable.
     */
    static String unusable(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials; the events are signed instead";
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (scheme.equals("http") && !local) {
            return "must be https (plain http only to localhost)";
        }
        return null;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
