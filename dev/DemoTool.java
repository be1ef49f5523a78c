import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local launcher's helper, run as a single-file program (`java dev/DemoTool.java ...`) so that it
 * needs nothing but a JDK: it makes the local signing key pair, waits for the services, seeds the demo
 * data through the public APIs only, and mints the demo users' tokens.
 *
 * <pre>
 *   keys DIR                        create the services' key pair (DIR/private.pem, DIR/public.pem), the demo identity
 *                                   provider's (DIR/idp-private.pem), the key set to verify with (DIR/verify-keys.jwks)
 *                                   and alert-service's acknowledge-link secret (DIR/ack-link.secret) and the phone stand-in's
 *                                   token (DIR/sms-auth-token.secret), unless they exist
 *   wait SECONDS URL...             wait until every URL answers 200
 *   seed                            seed the demo data and print the tokens (config from the environment)
 *   token SUBJECT GROUP...          print one token
 *   patients N FILE                 enrol N more patients at the demo center (after seed) and write "id token" lines
 *   jwks PUBLIC_PEM                 print an RSA public key as a JWKS (deployments merge it with the IdP's)
 * </pre>
 *
 * Environment: DEMO_KEY_DIR, MP_JWT_VERIFY_ISSUER, DEMO_AUDIENCE, PATIENT_URL, ALERT_URL, CARE_TEAM_URL,
 * DEMO_STATE_DIR; with dev/run --identity-provider, DEMO_IDENTITY_PROVIDER (the Keycloak realm's issuer) and DEMO_PASSWORD.
 */
public class DemoTool {

    static final String ISSUER = env("MP_JWT_VERIFY_ISSUER", "https://cart-companion.local/idp");
    static final String AUDIENCE = env("DEMO_AUDIENCE", "cart-companion");
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "wait" -> waitReady(Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
            case "seed" -> seed();
            case "token" -> System.out.println(token(args[1], List.of(args).subList(2, args.length)));
            case "jwks" -> System.out.println(jwks(Path.of(args[1])));
            case "patients" -> patients(Integer.parseInt(args[1]), Path.of(args[2]));
            case "vapid-keys" -> vapidKeys();
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: DemoTool keys DIR | wait SECONDS URL... | seed | token SUBJECT GROUP... | jwks PUBLIC_PEM"
                + " | patients N FILE | vapid-keys");
        System.exit(2);
    }

    // --- vapid-keys ---------------------------------------------------------------------------

    /**
     * A VAPID key pair for patient-service's web push reminders (RFC 8292), as the environment takes it: the public key is the
     * uncompressed P-256 point, the private key the 32-byte scalar, both base64url. Keep the private key a secret.
     */
    static void vapidKeys() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var pub = (java.security.interfaces.ECPublicKey) pair.getPublic();
        var priv = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
        byte[] point = new byte[65];
        point[0] = 4;
        fixed32(pub.getW().getAffineX(), point, 1);
        fixed32(pub.getW().getAffineY(), point, 33);
        byte[] scalar = new byte[32];
        fixed32(priv.getS(), scalar, 0);
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        System.out.println("PATIENT_WEB_PUSH_PUBLIC_KEY=" + b64.encodeToString(point));
        System.out.println("PATIENT_WEB_PUSH_PRIVATE_KEY=" + b64.encodeToString(scalar));
    }

    static void fixed32(java.math.BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    // --- jwks ---------------------------------------------------------------------------------

    static final String SERVICES_KID = "cart-companion-services";
    static final String IDP_KID = "demo-idp";

    /** The services' public key as a one-key JWKS, to merge with the identity provider's key set. */
    static String jwks(Path publicPem) throws Exception {
        return "{\"keys\":[" + jwk(SERVICES_KID, readPublic(publicPem)) + "]}";
    }

    static java.security.interfaces.RSAPublicKey readPublic(Path publicPem) throws Exception {
        String base64 = Files.readString(publicPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String jwk(String kid, java.security.interfaces.RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return """
                {"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}"""
                .formatted(kid, url.encodeToString(unsigned(key.getModulus())), url.encodeToString(unsigned(key.getPublicExponent())));
    }

    static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    // --- keys ---------------------------------------------------------------------------------

    /**
     * Two key pairs, as a deployment has: the services' own (they sign their tokens to each other with it) and the identity
     * provider's (here the demo's: users' tokens); the services verify against both, as one JWKS.
     */
    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        pair(dir.resolve("private.pem"), dir.resolve("public.pem"));
        pair(dir.resolve("idp-private.pem"), dir.resolve("idp-public.pem"));
        Files.writeString(dir.resolve("verify-keys.jwks"), "{\"keys\":["
                + jwk(SERVICES_KID, readPublic(dir.resolve("public.pem"))) + ","
                + jwk(IDP_KID, readPublic(dir.resolve("idp-public.pem"))) + "]}");
        // alert-service's acknowledge-link HMAC key, a secret of its own (ALERT_ACK_LINK_SECRET).
        secret(dir.resolve("ack-link.secret"));
        // The phone stand-in's auth token: it signs the replies alert-service receives (ALERT_SMS_AUTH_TOKEN).
        secret(dir.resolve("sms-auth-token.secret"));
    }

    /** A random secret in {@code file}, readable by its owner only, unless it exists. */
    static void secret(Path file) throws Exception {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getEncoder().encodeToString(random));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static void pair(Path priv, Path pub) throws Exception {
        if (Files.exists(priv) && Files.exists(pub)) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        System.out.println("Generated a local signing key pair: " + priv);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static PrivateKey privateKey(String file) throws Exception {
        String text = Files.readString(Path.of(env("DEMO_KEY_DIR", "dev/.state/keys"), file));
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    // --- tokens -------------------------------------------------------------------------------

    /** A service's token is signed with the services' key, anybody else's with the demo identity provider's. */
    static String token(String subject, List<String> groups) throws Exception {
        Instant now = Instant.now();
        boolean service = groups.contains("service");
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + (service ? SERVICES_KID : IDP_KID) + "\"}";
        StringBuilder groupsJson = new StringBuilder("[");
        for (int i = 0; i < groups.size(); i++) {
            groupsJson.append(i == 0 ? "" : ",").append('"').append(groups.get(i)).append('"');
        }
        groupsJson.append(']');
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":" + groupsJson + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(TOKEN_LIFETIME).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header) + "." + b64(payload);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(service ? "private.pem" : "idp-private.pem"));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    /** dev/run --identity-provider: the local Keycloak realm's issuer; the demo users then sign in there. */
    static final String PROVIDER = System.getenv("DEMO_IDENTITY_PROVIDER");
    static final Map<String, String> SIGNED_IN = new LinkedHashMap<>();

    /** The token a demo user calls with: minted here, or, with Keycloak, theirs from signing in (kept for the seeding). */
    static String bearer(User user) throws Exception {
        if (PROVIDER == null) {
            return token(user.subject(), user.groups());
        }
        String known = SIGNED_IN.get(user.subject());
        if (known == null) {
            known = signIn(user);
            SIGNED_IN.put(user.subject(), known);
        }
        return known;
    }

    /**
     * A demo user signs in at Keycloak as the console (staff) or the app (patients, caregivers) does: the authorization-code
     * flow with PKCE, its login form posted as a browser would, with the demo password (DEMO_PASSWORD).
     */
    static String signIn(User user) throws Exception {
        boolean app = user.groups().contains("patient") || user.groups().contains("caregiver");
        String client = app ? "cart-companion-app" : "cart-companion-console";
        String redirect = app ? env("PATIENT_URL", "http://localhost:8081") + "/app/"
                : env("CARE_TEAM_URL", "http://localhost:8083") + "/console/";
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(PROVIDER
                + "/protocol/openid-connect/auth?" + form(Map.of("client_id", client, "response_type", "code", "scope",
                        "openid", "redirect_uri", redirect, "state", UUID.randomUUID().toString(), "code_challenge",
                        challenge, "code_challenge_method", "S256")))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak showed no sign-in form for " + user.subject() + ": " + page.statusCode());
        }
        // Keycloak's cookies are Secure, which java.net's cookie store keeps from plain http: passed on by hand.
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).toList());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user.subject(), "password",
                        env("DEMO_PASSWORD", ""), "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(login.headers().firstValue("Location").orElse(""));
        if (login.statusCode() != 302 || !code.find()) {
            throw new IllegalStateException("Keycloak refused " + user.subject() + "'s sign-in: " + login.statusCode());
        }
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(PROVIDER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", client,
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens.body());
        if (tokens.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("Keycloak gave " + user.subject() + " no token: " + tokens.statusCode());
        }
        return accessToken.group(1);
    }

    static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // --- wait ---------------------------------------------------------------------------------

    static void waitReady(int seconds, List<String> urls) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        List<String> pending = new ArrayList<>(urls);
        while (!pending.isEmpty()) {
            pending.removeIf(DemoTool::answers200);
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                System.err.println("Not ready after " + seconds + " s: " + String.join(", ", pending));
                System.exit(1);
            }
            Thread.sleep(500);
        }
    }

    static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- seed ---------------------------------------------------------------------------------

    record User(String label, String subject, List<String> groups) {
    }

    static final User ADMIN = new User("admin", "demo-admin", List.of("admin"));
    static final User COORDINATOR = new User("coordinator", "demo-coordinator", List.of("coordinator"));
    static final User PRIMARY = new User("primary on-call (clinician)", "demo-oncall-primary", List.of("clinician"));
    static final User BACKUP = new User("backup on-call (clinician)", "demo-oncall-backup", List.of("clinician"));
    static final User COMMUNITY = new User("community physician", "demo-community-physician", List.of("community-physician"));
    static final User PATIENT = new User("patient (day 5 after axi-cel)", "demo-patient", List.of("patient"));
    static final User CAREGIVER = new User("caregiver", "demo-caregiver", List.of("caregiver"));

    /**
     * For the benchmarks: N patients of the demo center (seeded first), each with its own subject and a token, so the load is
     * spread over patients as a hospital's is rather than piling one patient's history up. Written as "patientId token" lines.
     */
    static void patients(int count, Path file) throws Exception {
        String patients = env("PATIENT_URL", "http://localhost:8081");
        String centerId = findCenter(env("CARE_TEAM_URL", "http://localhost:8083"), "Riverside CAR-T Center");
        if (centerId == null) {
            throw new IllegalStateException("Seed the demo first: the demo center is not there.");
        }
        String timeZone = "America/Chicago";
        LocalDate infusion = LocalDate.now(ZoneId.of(timeZone)).minusDays(5);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String subject = "bench-" + UUID.randomUUID();
            String id = idOf(call("POST", patients + "/api/v1/patients", COORDINATOR, """
                    {"centerId":"%s","subject":"%s","displayName":"Bench %d","birthYear":1960,"timeZone":"%s",
                     "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","phone":"+15550123","language":"en"}"""
                    .formatted(centerId, subject, i, timeZone, infusion), 201));
            lines.append(id).append(' ').append(token(subject, List.of("patient"))).append('\n');
        }
        Files.writeString(file, lines);
        System.out.println(count + " patients written to " + file);
    }

    static void seed() throws Exception {
        String careTeam = env("CARE_TEAM_URL", "http://localhost:8083");
        String patients = env("PATIENT_URL", "http://localhost:8081");
        String centerName = "Riverside CAR-T Center";
        String timeZone = "America/Chicago";

        String centerId = findCenter(careTeam, centerName);
        if (centerId == null) {
            centerId = idOf(call("POST", careTeam + "/api/v1/centers", ADMIN, """
                    {"name":"%s","timeZone":"%s","phone":"+15550199","hotlineEmail":"cart-hotline@riverside.example"}"""
                    .formatted(centerName, timeZone), 201));
        }
        addClinician(careTeam, centerId, COORDINATOR, "Carla Coordinator", "COORDINATOR", "+15550110");
        addClinician(careTeam, centerId, PRIMARY, "Dr. Priya Primary", "PHYSICIAN", "+15550111");
        addClinician(careTeam, centerId, BACKUP, "Dr. Ben Backup", "PHYSICIAN", "+15550112");
        addClinician(careTeam, centerId, COMMUNITY, "Dr. Carl Community", "COMMUNITY_PHYSICIAN", "+15550113");

        LocalDate infusion = LocalDate.now(ZoneId.of(timeZone)).minusDays(5);
        call("POST", patients + "/api/v1/patients", COORDINATOR, """
                {"centerId":"%s","subject":"%s","displayName":"Ana P.","birthYear":1961,"timeZone":"%s",
                 "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","externalId":"MRN-0042",
                 "phone":"+15550123","email":"ana.patient@example.org","language":"en"}"""
                .formatted(centerId, PATIENT.subject(), timeZone, infusion), 201, 409);
        String me = call("GET", patients + "/api/v1/me", PATIENT, null, 200);
        String patientId = idOf(me);
        // The caregiver joins by invitation: the coordinator invites Luis (code + link, mailed), he signs in and accepts.
        if (!call("GET", patients + "/api/v1/me", CAREGIVER, null, 200).contains(patientId)) {
            String invited = call("POST", patients + "/api/v1/patients/" + patientId + "/invitations", COORDINATOR, """
                    {"for":"CAREGIVER","name":"Luis P.","relationship":"SPOUSE","email":"luis.caregiver@example.org",
                     "phone":"+15550100"}""", 201);
            call("POST", patients + "/api/v1/invitations/" + field(invited, "code") + "/accept", CAREGIVER, null, 200);
        }
        // And one left for you to accept: Marta, the patient's daughter (a fresh one on each run).
        String pending = call("POST", patients + "/api/v1/patients/" + patientId + "/invitations", COORDINATOR, """
                {"for":"CAREGIVER","name":"Marta P.","relationship":"CHILD","email":"marta.caregiver@example.org"}""", 201);

        LocalDate today = LocalDate.now(ZoneId.of(timeZone));
        call("PUT", patients + "/api/v1/patients/" + patientId + "/clinical-status", COORDINATOR, """
                {"ancPerUl":300,"ancDate":"%s","plateletsPerUl":40000,"iggMgDl":550,"iggDate":"%s",
                 "tocilizumabLastDate":"%s","maxCrsGrade":1,"maxIcansGrade":0,"iecHsHistory":false,
                 "prophylaxis":{"antibacterial":true,"antiviralHsvVzv":true,"pjp":false,"antifungal":false},
                 "centralLine":false,"caregiverPresent":true,"priorLines":3,"priorAlloHct":false,
                 "baselineIceScore":10,"travelMinutesToCenter":45}""".formatted(today.minusDays(1), today.minusDays(20),
                today.minusDays(3)), 200);
        // A routine morning check-in by the caregiver: afebrile, nothing new (self-care).
        call("POST", patients + "/api/v1/patients/" + patientId + "/check-ins", CAREGIVER, """
                {"recordedAt":"%s","temperature":{"value":36.9,"unit":"C","method":"ORAL"},"antipyreticLast6h":false,
                 "vitals":{"spo2":98,"heartRate":82,"systolicBp":124,"respiratoryRate":14},"symptoms":[],"iceScore":10}"""
                .formatted(java.time.OffsetDateTime.now().minusMinutes(30)), new int[] { 201, 422 }, "demo-seed-first-check-in");

        // On call: weekly rotations handing over at 08:00 Chicago time, Dr. Primary on primary and Dr. Backup on backup
        // this week (the turn began yesterday), swapping each week. Saved once; a second run keeps the schedule.
        String alerts = env("ALERT_URL", "http://localhost:8082");
        String staff = call("GET", careTeam + "/api/v1/centers/" + centerId + "/clinicians?limit=100", ADMIN, null, 200);
        String primaryId = clinicianId(staff, PRIMARY);
        String backupId = clinicianId(staff, BACKUP);
        // How the doctors on call are woken: an SMS and an email at once, a phone call after two minutes unless they
        // acknowledged (the SMS and the call show at the phone stand-in's page, where a reply acknowledges).
        for (String[] doctor : List.of(new String[] { primaryId, "+15550111", "demo-oncall-primary" },
                new String[] { backupId, "+15550112", "demo-oncall-backup" })) {
            call("PUT", careTeam + "/api/v1/clinicians/" + doctor[0] + "/contact-methods", ADMIN, """
                    [{"type":"SMS","address":"%s","delaySeconds":0},{"type":"EMAIL","address":"%s@riverside.example",
                      "delaySeconds":0},{"type":"VOICE","address":"%s","delaySeconds":120}]"""
                    .formatted(doctor[1], doctor[2], doctor[1]), 200);
        }
        String rotations = call("GET", careTeam + "/api/v1/centers/" + centerId + "/rotations", COORDINATOR, null, 200);
        if (!rotations.contains("\"tier\"")) {
            for (String[] rotation : List.of(new String[] { "PRIMARY", primaryId, backupId },
                    new String[] { "BACKUP", backupId, primaryId })) {
                call("POST", careTeam + "/api/v1/centers/" + centerId + "/rotations", COORDINATOR, """
                        {"tier":"%s","clinicianIds":["%s","%s"],"startDate":"%s","handoffTime":"08:00","lengthDays":7}"""
                        .formatted(rotation[0], rotation[1], rotation[2], today.minusDays(1)), 201);
            }
        }
        // The demo patient's care team: center-led by Dr. Primary and the coordinator. Dr. Carl Community joins it only
        // by accepting a hand-off (around day 14).
        call("PUT", careTeam + "/api/v1/care-teams/" + patientId, COORDINATOR, """
                {"centerId":"%s","phase":"CENTER_LED","members":[{"clinicianId":"%s","role":"PHYSICIAN"},
                 {"clinicianId":"%s","role":"COORDINATOR"}]}""".formatted(centerId, primaryId,
                clinicianId(staff, COORDINATOR)), 200);
        // The demo center's escalation policy: the primary on call, then the backup, five minutes each, once more, then
        // the hotline.
        call("PUT", alerts + "/api/v1/escalation-policies/" + centerId, COORDINATOR, """
                {"levels":[{"targets":["ON_CALL:PRIMARY"],"ackTimeoutSeconds":300},
                           {"targets":["ON_CALL:BACKUP"],"ackTimeoutSeconds":300}],
                 "repeat":1,"fallbackEmail":"cart-hotline@riverside.example"}""", 200);

        Map<User, String> tokens = new LinkedHashMap<>();
        for (User user : List.of(ADMIN, COORDINATOR, PRIMARY, BACKUP, COMMUNITY, PATIENT, CAREGIVER)) {
            tokens.put(user, bearer(user));
        }
        writeTokens(tokens, centerId, patientId);

        System.out.println();
        System.out.println("Demo data: center " + centerId + " (" + centerName + ", " + timeZone + ")");
        System.out.println("           on call (hand-over every 7 days at 08:00 " + timeZone
                + "): primary Dr. Priya Primary, backup Dr. Ben Backup");
        System.out.println("           escalation policy: primary on call, then backup on call (5 min each), repeat 1,"
                + " then cart-hotline@riverside.example");
        System.out.println("           care team: center-led, Dr. Priya Primary and Carla Coordinator (hand-off to"
                + " Dr. Carl Community: POST /api/v1/handoffs)");
        System.out.println("           patient " + patientId + " (Ana P., axi-cel infused " + infusion + ", day "
                + field(me, "dayPostInfusion") + ", " + field(me, "phase") + "), caregiver Luis P.");
        System.out.println("           an invitation for caregiver Marta P. (mailed to marta.caregiver@example.org; valid 72 h):"
                + " code " + field(pending, "code") + ", link " + field(pending, "link"));
        System.out.println(PROVIDER != null
                ? "             accept it: open the link and sign in on Keycloak's page as a user with the caregiver role who"
                        + " is not yet linked (add one in Keycloak's admin console)"
                : "             accept it as any caregiver: open the link, sign in with a caregiver's token (java"
                        + " dev/DemoTool.java token SUBJECT caregiver) and join; or POST " + patients + "/api/v1/invitations/"
                        + field(pending, "code") + "/accept with that token");
        System.out.println();
        if (PROVIDER != null) {
            System.out.println("Sign in at the console and the app through Keycloak (" + PROVIDER + ") as any demo user,");
            System.out.println("password " + env("DEMO_PASSWORD", "?") + " (dev/.state/keycloak.env):");
            tokens.keySet().forEach(user -> System.out.println("  " + user.subject() + "  " + user.label()));
            System.out.println("Their tokens of a moment ago (Keycloak's last 5 min) are in " + stateDir().resolve("tokens.env")
                    + ".");
            return;
        }
        System.out.println("Tokens (valid " + TOKEN_LIFETIME.toHours() + " h; also in " + stateDir().resolve("tokens.env")
                + "):");
        tokens.forEach((user, token) -> {
            System.out.println("  " + user.label() + " [" + user.subject() + "]");
            System.out.println("    " + token);
        });
    }

    /** The id of a user in the center's clinician list. */
    static String clinicianId(String list, User user) {
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"centerId\":\"[^\"]+\",\"subject\":\""
                + Pattern.quote(user.subject()) + "\"").matcher(list);
        if (!m.find()) {
            throw new IllegalStateException("The center does not list " + user.subject());
        }
        return m.group(1);
    }

    static String findCenter(String careTeam, String name) throws Exception {
        String page = call("GET", careTeam + "/api/v1/centers?limit=100", ADMIN, null, 200);
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"name\":\"" + Pattern.quote(name) + "\"").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    static void addClinician(String careTeam, String centerId, User user, String name, String role, String phone)
            throws Exception {
        String email = user.subject() + "@riverside.example";
        call("POST", careTeam + "/api/v1/centers/" + centerId + "/clinicians", ADMIN, """
                {"subject":"%s","name":"%s","email":"%s","phone":"%s","role":"%s"}"""
                .formatted(user.subject(), name, email, phone, role), 201, 409);
    }

    static void writeTokens(Map<User, String> tokens, String centerId, String patientId) throws IOException {
        StringBuilder env = new StringBuilder("# Demo tokens of the last run; source this file to use them with curl.\n");
        env.append("DEMO_CENTER_ID=").append(centerId).append('\n');
        env.append("DEMO_PATIENT_ID=").append(patientId).append('\n');
        tokens.forEach((user, token) -> env.append("TOKEN_")
                .append(user.subject().replace("demo-", "").replace('-', '_').toUpperCase())
                .append('=').append(token).append('\n'));
        Path file = stateDir().resolve("tokens.env");
        Files.writeString(file, env);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    static String call(String method, String url, User as, String json, int... expected) throws Exception {
        return call(method, url, as, json, expected, null);
    }

    static String call(String method, String url, User as, String json, int expected, String idempotencyKey)
            throws Exception {
        return call(method, url, as, json, new int[] { expected }, idempotencyKey);
    }

    static String call(String method, String url, User as, String json, int[] expected, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer(as))
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        System.err.println("Seeding failed: " + method + " " + url + " answered " + response.statusCode() + "\n"
                + response.body());
        System.exit(1);
        return null;
    }

    static String idOf(String json) {
        return field(json, "id");
    }

    /** The first value of a field in a JSON text; enough for the few answers the seed reads. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static Path stateDir() {
        return Path.of(env("DEMO_STATE_DIR", "dev/.state"));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
