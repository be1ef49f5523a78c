package org.cartcompanion.alert.notification.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.support.work.Refusal;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The SMS and voice provider's REST API, Twilio's or one speaking it: {@code POST
 * {base}/2010-04-01/Accounts/{sid}/Messages.json} and {@code …/Calls.json}, form-encoded, basic auth with the account and its
 * token. A refusal the provider says is for good (an invalid, unreachable or unsubscribed number; a request it will never take)
 * is permanent; anything else (429, 5xx, no answer) is retried by the dispatcher.
 */
@ApplicationScoped
public class SmsProvider {

    /** The provider's error codes that name a number no retry will reach. */
    private static final Set<Integer> BAD_NUMBER = Set.of(21211, 21214, 21217, 21401, 21407, 21408, 21421, 21610, 21612,
            21614, 13224);

    private final AlertConfig.Sms config;
    private final WebClient client;

    public SmsProvider(AlertConfig config, Vertx vertx) {
        this.config = config.sms();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis()).setUserAgent("cart-companion-alert-service"));
    }

    /** Account, token and number are all set. */
    public boolean configured() {
        return present(config.accountSid()) && present(config.authToken()) && present(config.from());
    }

    /** Sends an SMS; completes with the provider's id of the message. */
    public Uni<String> message(String to, String body) {
        return post("Messages.json", MultiMap.caseInsensitiveMultiMap().add("To", to).add("Body", body));
    }

    /** Places a call that runs {@code twiml}; completes with the provider's id of the call. */
    public Uni<String> call(String to, String twiml) {
        return post("Calls.json", MultiMap.caseInsensitiveMultiMap().add("To", to).add("Twiml", twiml));
    }

    private Uni<String> post(String resource, MultiMap form) {
        if (!configured()) {
            return Uni.createFrom().failure(Refusal.permanent("SMS and voice are not configured here (alert.sms.*)"));
        }
        String sid = config.accountSid().orElseThrow().strip();
        String url = config.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(sid, StandardCharsets.UTF_8) + "/" + resource;
        form.add("From", config.from().orElseThrow().strip());
        return client.postAbs(url).basicAuthentication(sid, config.authToken().orElseThrow().strip())
                .timeout(config.timeout().toMillis()).sendForm(form)
                .onFailure()
                .transform(e -> new Refusal("the SMS provider could not be reached: " + e.getClass().getSimpleName()))
                .map(SmsProvider::accepted);
    }

    private static String accepted(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonObject body = json(response);
        if (status >= 200 && status < 300) {
            return body == null ? null : body.getString("sid");
        }
        Integer code = body == null ? null : body.getInteger("code");
        String message = body == null ? null : body.getString("message");
        // The provider's words may quote the number: a patient's or a caregiver's; it is masked before it is recorded.
        String why = "the SMS provider answered " + status + (code == null ? "" : " (error " + code + ")")
                + (message == null ? "" : ": " + masked(message));
        if (code != null && BAD_NUMBER.contains(code)) {
            return failPermanently(why);
        }
        // Anything else (a wrong account, a number that cannot send, the provider down) may be mended: tried again.
        throw new Refusal(why);
    }

    /** Every run of digits that could be a phone number, but its last two: "+1555…67". */
    static String masked(String text) {
        return text.replaceAll("\\+?\\d[\\d\\s().-]{5,}(\\d{2})", "…$1");
    }

    private static String failPermanently(String why) {
        throw Refusal.permanent(why);
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        try {
            return response.body() == null ? null : response.bodyAsJsonObject();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
