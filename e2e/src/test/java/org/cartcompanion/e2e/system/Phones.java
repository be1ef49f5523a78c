package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run command's stand-in for the SMS and voice provider ({@code dev/PhoneStandIn.java}), started as a process for one
 * system: alert-service sends it SMS and calls as it would Twilio; a test reads what arrived, replies as a phone (signed as
 * the provider signs), and drills the provider's faults.
 */
public final class Phones implements AutoCloseable {

    /** What reached the provider: an SMS ({@code body}) or a call ({@code body} what it says, {@code action} its key URL). */
    public record Sent(String sid, String kind, String to, String from, String body, String action, Instant at) {
    }

    public static final String ACCOUNT = "ACe2e00000000000000000000000000000";
    public static final String FROM = "+15550001000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String token = "e2e-" + java.util.UUID.randomUUID();
    private final int port;
    private final Process process;

    Phones(int port, String inboundUrl, Path log) throws IOException, InterruptedException {
        this.port = port;
        Path source = Path.of("..", "dev", "PhoneStandIn.java");
        this.process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                source.toString(), String.valueOf(port), ACCOUNT, token, inboundUrl).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the phone stand-in exited: " + Files.readString(log));
            }
            try {
                sent();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the phone stand-in did not start within a minute");
    }

    /** The settings alert-service needs to use it. */
    Map<String, String> settings(String inboundUrl) {
        return Map.of("alert.sms.base-url", url(), "alert.sms.account-sid", ACCOUNT, "alert.sms.auth-token", token,
                "alert.sms.from", FROM, "alert.sms.inbound-url", inboundUrl);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything sent so far, oldest first. */
    public List<Sent> sent() throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/api/messages"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        List<Sent> all = new ArrayList<>();
        for (JsonNode s : JSON.readTree(r.body()).get("sent")) {
            all.add(new Sent(s.get("sid").asText(), s.get("kind").asText(), s.get("to").asText(), s.get("from").asText(),
                    s.get("body").asText(), s.get("action").isNull() ? null : s.get("action").asText(),
                    Instant.parse(s.get("at").asText())));
        }
        return all;
    }

    public List<Sent> smsTo(String number) throws IOException, InterruptedException {
        return sent().stream().filter(s -> s.kind().equals("SMS") && s.to().equals(number)).toList();
    }

    public List<Sent> callsTo(String number) throws IOException, InterruptedException {
        return sent().stream().filter(s -> s.kind().equals("CALL") && s.to().equals(number)).toList();
    }

    /** An SMS from {@code from} to alert-service, signed by the stand-in; answers alert-service's status and its message. */
    public Reply reply(String from, String body) throws IOException, InterruptedException {
        return control("/api/reply", Map.of("from", from, "body", body));
    }

    /** Every request to the provider is answered {@code status} for the next {@code seconds}. */
    public void fail(int status, int seconds) throws IOException, InterruptedException {
        control("/api/fail", Map.of("status", String.valueOf(status), "seconds", String.valueOf(seconds)));
    }

    /** The provider says {@code number} is not a valid phone number (error 21211). */
    public void invalid(String number) throws IOException, InterruptedException {
        control("/api/invalid", Map.of("number", number));
    }

    public record Reply(int status, String answer) {
    }

    private Reply control(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.body().isEmpty()) {
            return new Reply(r.statusCode(), null);
        }
        JsonNode answer = JSON.readTree(r.body());
        return new Reply(answer.get("status").asInt(), answer.get("answer").asText());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
