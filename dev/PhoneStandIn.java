import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the SMS and voice provider (Twilio's REST API, the parts alert-service uses), for the run command and
 * the e2e suite. It takes SMS and calls at {@code POST /2010-04-01/Accounts/{sid}/Messages.json} and {@code …/Calls.json}
 * (basic auth with the account and token), records them, and shows them at {@code GET /} like a phone's inbox. A reply typed
 * there (or posted to {@code /api/reply}) goes to alert-service's inbound URL signed exactly as the provider signs
 * ({@code X-Twilio-Signature}); a key pressed on a call goes to the call's gather URL the same way. For fault drills it can
 * refuse every request for a while ({@code POST /api/fail}: status, seconds) and treat a number as invalid
 * ({@code POST /api/invalid}: number; answered 400 with the provider's error 21211).
 *
 * <p>
 * Usage: {@code java dev/PhoneStandIn.java PORT ACCOUNT_SID AUTH_TOKEN INBOUND_URL}. Nothing is sent anywhere else; what it
 * recorded lives as long as the process.
 */
public class PhoneStandIn {

    record Sent(String sid, String kind, String to, String from, String body, String action, Instant at) {
    }

    record Answered(String from, String body, int status, String answer, Instant at) {
    }

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern SAY = Pattern.compile("<Say[^>]*>([^<]*)</Say>");
    private static final Pattern CODE = Pattern.compile("Reply (\\d{4,6}) to acknowledge");
    private static final Pattern MESSAGE = Pattern.compile("<(?:Message|Say)>([^<]*)</(?:Message|Say)>");

    private final String account;
    private final String token;
    private final String inbound;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private volatile Instant failUntil = Instant.MIN;
    private volatile int failStatus = 500;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PhoneStandIn(String account, String token, String inbound) {
        this.account = account;
        this.token = token;
        this.inbound = inbound;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java dev/PhoneStandIn.java PORT ACCOUNT_SID AUTH_TOKEN INBOUND_URL");
            System.exit(2);
        }
        PhoneStandIn standIn = new PhoneStandIn(args[1], args[2], args[3]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", standIn::handle);
        server.start();
        System.out.println("phone stand-in listening on http://127.0.0.1:" + args[0] + "/ (account " + args[1] + ")");
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            String api = "/2010-04-01/Accounts/" + account + "/";
            if (method.equals("POST") && path.equals(api + "Messages.json")) {
                provider(x, "SMS");
            } else if (method.equals("POST") && path.equals(api + "Calls.json")) {
                provider(x, "CALL");
            } else if (method.equals("GET") && path.equals("/")) {
                send(x, 200, "text/html; charset=utf-8", page());
            } else if (method.equals("GET") && path.equals("/api/messages")) {
                send(x, 200, "application/json", json());
            } else if (method.equals("POST") && (path.equals("/api/reply") || path.equals("/reply"))) {
                Map<String, String> form = form(x);
                Answered a = reply(form.get("from"), form.get("body"));
                back(x, path, a);
            } else if (method.equals("POST") && (path.equals("/api/press") || path.equals("/press"))) {
                Map<String, String> form = form(x);
                Answered a = press(form.get("sid"), form.get("digits"));
                back(x, path, a);
            } else if (method.equals("POST") && path.equals("/api/fail")) {
                Map<String, String> form = form(x);
                failStatus = Integer.parseInt(form.getOrDefault("status", "500"));
                failUntil = Instant.now().plusSeconds(Long.parseLong(form.getOrDefault("seconds", "30")));
                send(x, 204, null, "");
            } else if (method.equals("POST") && path.equals("/api/invalid")) {
                invalid.add(form(x).get("number"));
                send(x, 204, null, "");
            } else {
                send(x, 404, "application/json", "{\"code\":20404,\"message\":\"The requested resource was not found\"}");
            }
        } catch (RuntimeException e) {
            send(x, 500, "text/plain", "stand-in error: " + e);
        } finally {
            x.close();
        }
    }

    /** The provider's side: basic auth, the fault drill, an invalid number, else accepted and recorded. */
    private void provider(HttpExchange x, String kind) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            send(x, 401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        Map<String, String> form = form(x);
        if (Instant.now().isBefore(failUntil)) {
            send(x, failStatus, "application/json", "{\"code\":20500,\"message\":\"Internal Server Error (stand-in drill)\","
                    + "\"status\":" + failStatus + "}");
            return;
        }
        String to = form.get("To");
        if (to == null || !to.matches("\\+[1-9]\\d{6,14}") || invalid.contains(to)) {
            send(x, 400, "application/json", "{\"code\":21211,\"message\":\"The 'To' number " + esc(String.valueOf(to))
                    + " is not a valid phone number.\",\"status\":400}");
            return;
        }
        String sid = (kind.equals("SMS") ? "SM" : "CA") + Long.toHexString(System.nanoTime()) + sent.size();
        String body = kind.equals("SMS") ? form.get("Body") : said(form.get("Twiml"));
        String action = kind.equals("CALL") ? action(form.get("Twiml")) : null;
        sent.add(new Sent(sid, kind, to, form.get("From"), body, action, Instant.now()));
        System.out.println(kind + " " + sid + " to " + to + ": " + body);
        send(x, 201, "application/json", "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + esc(to) + "\"}");
    }

    /** An SMS from {@code from} to alert-service, signed as the provider signs it. */
    Answered reply(String from, String body) {
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", account);
        form.put("Body", body == null ? "" : body);
        form.put("From", from == null ? "" : from);
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
        form.put("NumMedia", "0");
        form.put("To", sent.isEmpty() ? "" : sent.get(0).from());
        Answered a = post(inbound, form, from, body);
        answered.add(a);
        return a;
    }

    /** A key pressed on call {@code sid}: to the call's gather URL, signed. */
    Answered press(String sid, String digits) {
        Sent call = sent.stream().filter(s -> s.sid().equals(sid) && s.action() != null).findFirst().orElse(null);
        if (call == null) {
            return new Answered(null, digits, 404, "no such call", Instant.now());
        }
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", account);
        form.put("CallSid", sid);
        form.put("Digits", digits == null ? "" : digits);
        form.put("From", call.from());
        form.put("To", call.to());
        Answered a = post(call.action(), form, call.to(), "pressed " + digits);
        answered.add(a);
        return a;
    }

    private Answered post(String url, Map<String, String> form, String from, String what) {
        StringBuilder signed = new StringBuilder(url);
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            signed.append(e.getKey()).append(e.getValue());
            encoded.append(encoded.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = MESSAGE.matcher(r.body());
            String answer = m.find() ? unescape(m.group(1)) : r.body();
            System.out.println("reply from " + from + " (" + what + "): " + r.statusCode() + " " + answer);
            return new Answered(from, what, r.statusCode(), answer, Instant.now());
        } catch (Exception e) {
            return new Answered(from, what, 0, "alert-service did not answer: " + e, Instant.now());
        }
    }

    private void back(HttpExchange x, String path, Answered a) throws IOException {
        if (path.startsWith("/api/")) {
            send(x, 200, "application/json", "{\"status\":" + a.status() + ",\"answer\":\"" + esc(a.answer()) + "\"}");
        } else {
            x.getResponseHeaders().add("Location", "/");
            send(x, 303, null, "");
        }
    }

    private String json() {
        StringBuilder out = new StringBuilder("{\"sent\":[");
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            out.append(i == 0 ? "" : ",").append("{\"sid\":\"").append(esc(s.sid())).append("\",\"kind\":\"").append(s.kind())
                    .append("\",\"to\":\"").append(esc(s.to())).append("\",\"from\":\"").append(esc(s.from()))
                    .append("\",\"body\":\"").append(esc(s.body())).append("\",\"action\":")
                    .append(s.action() == null ? "null" : "\"" + esc(s.action()) + "\"").append(",\"at\":\"").append(s.at())
                    .append("\"}");
        }
        out.append("],\"replies\":[");
        for (int i = 0; i < answered.size(); i++) {
            Answered a = answered.get(i);
            out.append(i == 0 ? "" : ",").append("{\"from\":\"").append(esc(String.valueOf(a.from()))).append("\",\"body\":\"")
                    .append(esc(a.body())).append("\",\"status\":").append(a.status()).append(",\"answer\":\"")
                    .append(esc(a.answer())).append("\",\"at\":\"").append(a.at()).append("\"}");
        }
        return out.append("]}").toString();
    }

    private String page() {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Phone stand-in</title>
                <style>body{font-family:sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem}
                .m{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.6rem 0}.k{color:#666;font-size:.85rem}
                input[type=text]{width:10rem}</style></head><body><h1>Phone stand-in</h1>
                <p>SMS and calls alert-service sent to the provider, newest first. Reply as the phone that got them: the reply
                goes to alert-service signed as the provider signs it.</p>""");
        List<Sent> newest = new ArrayList<>(sent);
        java.util.Collections.reverse(newest);
        for (Sent s : newest) {
            out.append("<div class=m><div class=k>").append(s.kind().equals("SMS") ? "SMS" : "Call").append(" to ")
                    .append(html(s.to())).append(" at ").append(s.at()).append("</div><p>").append(html(s.body()))
                    .append("</p>");
            if (s.kind().equals("SMS")) {
                Matcher code = CODE.matcher(s.body() == null ? "" : s.body());
                out.append("<form method=post action=/reply><input type=hidden name=from value=\"").append(html(s.to()))
                        .append("\"><input type=text name=body value=\"").append(code.find() ? code.group(1) : "")
                        .append("\"> <button>Reply from ").append(html(s.to())).append("</button></form>");
            } else if (s.action() != null) {
                for (String key : List.of("1", "2")) {
                    out.append("<form method=post action=/press style=\"display:inline\"><input type=hidden name=sid value=\"")
                            .append(html(s.sid())).append("\"><input type=hidden name=digits value=").append(key)
                            .append("><button>Press ").append(key).append("</button></form> ");
                }
            }
            out.append("</div>");
        }
        if (!answered.isEmpty()) {
            out.append("<h2>Replies</h2>");
            List<Answered> latest = new ArrayList<>(answered);
            java.util.Collections.reverse(latest);
            for (Answered a : latest) {
                out.append("<div class=m><div class=k>From ").append(html(String.valueOf(a.from()))).append(": ")
                        .append(html(a.body())).append(" (HTTP ").append(a.status()).append(")</div><p>")
                        .append(html(a.answer())).append("</p></div>");
            }
        }
        return out.append("</body></html>").toString();
    }

    private static String action(String twiml) {
        Matcher m = ACTION.matcher(twiml == null ? "" : twiml);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String said(String twiml) {
        Matcher m = SAY.matcher(twiml == null ? "" : twiml);
        return m.find() ? unescape(m.group(1)) : twiml;
    }

    private static Map<String, String> form(HttpExchange x) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        try (InputStream in = x.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return form;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
