package org.cartcompanion.e2e.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartcompanion.e2e.system.Api;
import org.cartcompanion.e2e.system.CarTSystem;
import org.cartcompanion.e2e.system.CarTSystem.Service;
import org.cartcompanion.e2e.system.Mailbox;
import org.cartcompanion.e2e.system.Mailbox.Mail;
import org.cartcompanion.e2e.system.Scenario;
import org.cartcompanion.e2e.system.Scenario.Center;
import org.cartcompanion.e2e.system.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole system under a steady load: check-ins arrive at a fixed rate (open model: each is sent on its schedule,
 * whether or not earlier ones have been answered), a share of them alert-worthy, every one of those from its own patient
 * so that it opens its own alert and pages the center's primary on call, then the backup after 10 s, then the hotline.
 * Measured: check-in latency (from its scheduled send to the answer, so a late sender counts against the system), check-in
 * → the primary's page as the SMTP server received it, and each escalation step's lateness against the schedule it
 * would keep if every step fired on time (the alert's opening plus the level timeouts; the engine counts a level from
 * the step before it, so a late backup page makes the hotline's late too), also at the SMTP server. Checked: every check-in answered 201, every
 * alert-worthy one paged exactly once per step, nothing paged for the others.
 * <p>
 * Not part of the suite (its name is not *IT); run by {@code e2e/bench/system-bench.sh}. Settings:
 * {@code -Dbench.rate} (check-ins/s, 100), {@code -Dbench.seconds} (60), {@code -Dbench.alertShare} (0.2),
 * {@code -Dbench.warmUpSeconds} (30).
 */
class SystemBenchmark {

    private static final int LEVEL_SECONDS = 10;
    private static final Pattern PHONE = Pattern.compile("Call the patient:\\s+(\\+\\d+)");

    private final int rate = Integer.getInteger("bench.rate", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final double alertShare = Double.parseDouble(System.getProperty("bench.alertShare", "0.2"));
    private final int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 30);

    /** A patient of the run: id, token, and the phone that identifies them in a page. */
    record Patient(String id, String token, String phone) {
    }

    /** One check-in sent: when it was due to go, when it went, when it was answered, and how. */
    record Sent(Patient patient, boolean alertWorthy, long dueNanos, Instant sentAt, long answeredNanos, int status,
            int tries) {
    }

    @Test
    void steadyCheckInLoadWithAlerts() throws Exception {
        try (CarTSystem system = CarTSystem.start(Map.of())) {
            Mailbox mail = new Mailbox(system);
            Scenario scenario = new Scenario(system, mail);
            Tokens tokens = system.tokens();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(senders)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            int alertWorthy = alertWorthy(rate * seconds);
            int warmUpAlerts = alertWorthy(rate * warmUpSeconds);
            say("System benchmark: %d check-ins/s for %d s, %.0f %% alert-worthy (%d alerts); warm-up %d s%n", rate,
                    seconds, alertShare * 100, alertWorthy, warmUpSeconds);

            // The warm-up center's alerts wait ten minutes per level: its pages do not mix with the measured ones.
            Center warm = scenario.center(600);
            Center center = scenario.center(LEVEL_SECONDS);
            long enrolling = System.nanoTime();
            List<Patient> warmFever = enroll(scenario, tokens, warm, "wf", warmUpAlerts, 1);
            List<Patient> warmQuiet = enroll(scenario, tokens, warm, "wq", 50, 2);
            List<Patient> fever = enroll(scenario, tokens, center, "f", alertWorthy, 3);
            List<Patient> quiet = enroll(scenario, tokens, center, "q", 200, 4);
            say("  enrolled %d patients in %d s%n", warmFever.size() + warmQuiet.size() + fever.size() + quiet.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - enrolling));

            String checkIns = system.url(Service.PATIENT) + "/api/v1/patients/%s/check-ins";
            load(http, checkIns, warmUpSeconds, warmFever, warmQuiet);
            // Resident memory of each service every 30 s of the measured load: growth over a long run is a leak.
            Map<Service, List<Long>> memory = new EnumMap<>(Service.class);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                for (Service s : Service.values()) {
                    memory.computeIfAbsent(s, k -> new CopyOnWriteArrayList<>()).add(system.residentMiB(s));
                }
            }, 0, 30, TimeUnit.SECONDS);
            recording(system, "start");
            Map<Service, Double> cpuBefore = cpu(system);
            double[] machineBefore = machineCpu();
            long loadStart = System.nanoTime();
            List<Sent> sent = load(http, checkIns, seconds, fever, quiet);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            Map<Service, Double> cpuAfter = cpu(system);
            double[] machineAfter = machineCpu();
            recording(system, "dump");
            sampler.shutdownNow();
            memory.forEach((s, samples) -> say("  %s resident memory every 30 s of the load (MiB): %s%n", s, samples));
            reportCpu(cpuBefore, cpuAfter, machineBefore, machineAfter, loadSeconds);

            // Let the last alerts run their chain (two levels, then the hotline): until every hotline page has come, or two
            // minutes past its due time; then 5 s more for anything sent twice, and read the SMTP server.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2L * LEVEL_SECONDS + 120);
            while (System.nanoTime() < deadline && mail.to(center.hotline()).size() < fever.size()) {
                Thread.sleep(1000);
            }
            Thread.sleep(5000);
            senders.shutdown();
            report(sent, fever, quiet, center, scenario, mail);
        }
    }

    /**
     * With {@code -Dbench.jfr=DIR}, a JFR recording (profile settings) of each service over the measured load, dumped to
     * DIR/SERVICE.jfr: started with {@code action} "start", written and stopped with "dump" (jcmd of the services' JDK).
     */
    private static void recording(CarTSystem system, String action) throws IOException, InterruptedException {
        String dir = System.getProperty("bench.jfr", "");
        if (dir.isBlank()) {
            return;
        }
        Path java = Path.of(System.getProperty("e2e.service.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jcmd = java.resolveSibling("jcmd").toString();
        for (Service s : Service.values()) {
            String pid = Long.toString(system.pid(s));
            List<List<String>> commands = action.equals("start")
                    ? List.of(List.of(jcmd, pid, "JFR.start", "name=bench", "settings=profile"))
                    : List.of(List.of(jcmd, pid, "JFR.dump", "name=bench",
                            "filename=" + Path.of(dir, s.name().toLowerCase(Locale.ROOT) + ".jfr").toAbsolutePath()),
                            List.of(jcmd, pid, "JFR.stop", "name=bench"));
            for (List<String> command : commands) {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    say("  (JFR %s of %s did not succeed)%n", action, s);
                }
            }
        }
    }

    private static Map<Service, Double> cpu(CarTSystem system) {
        Map<Service, Double> used = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            used.put(s, system.cpuSeconds(s));
        }
        return used;
    }

    /** The machine's busy and total CPU seconds so far (Linux: the first line of /proc/stat); zeros when unreadable. */
    private static double[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            // user nice system idle iowait irq softirq steal ...: idle and iowait are the machine waiting.
            double idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] { (total - idle) / 100.0, total / 100.0 };
        } catch (IOException | RuntimeException e) {
            return new double[] { 0, 0 };
        }
    }

    /**
     * Where the machine's CPU went during the measured load, in cores: each service, and the rest (PostgreSQL, the SMTP
     * server and the load generator, which run in and beside this JVM).
     */
    private static void reportCpu(Map<Service, Double> before, Map<Service, Double> after, double[] machineBefore,
            double[] machineAfter, double seconds) {
        StringBuilder line = new StringBuilder();
        double services = 0;
        for (Service s : Service.values()) {
            double cores = (after.get(s) - before.get(s)) / seconds;
            services += cores;
            line.append(String.format(Locale.ROOT, "%s %.2f, ", s.name().toLowerCase(Locale.ROOT), cores));
        }
        double busy = (machineAfter[0] - machineBefore[0]) / seconds;
        double capacity = (machineAfter[1] - machineBefore[1]) / seconds;
        say("  CPU during the load (cores): %sthe rest (PostgreSQL, SMTP server, load generator) %.2f; machine busy %.2f of %.0f%n",
                line, busy - services, busy, capacity);
    }

    /** Whether the {@code i}-th check-in is alert-worthy: the share spread evenly over the run. */
    private boolean alertWorthy(long i) {
        return Math.floor((i + 1) * alertShare) > Math.floor(i * alertShare);
    }

    /** How many of {@code total} check-ins are alert-worthy. */
    private int alertWorthy(int total) {
        int count = 0;
        for (int i = 0; i < total; i++) {
            count += alertWorthy((long) i) ? 1 : 0;
        }
        return count;
    }

    /** {@code count} patients infused 5 days ago, enrolled four at a time; {@code series} keeps their phones apart. */
    private static List<Patient> enroll(Scenario scenario, Tokens tokens, Center center, String prefix, int count,
            int series) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Patient>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(CompletableFuture.supplyAsync(() -> {
                    String subject = "bench-" + prefix + n + "-" + center.tag();
                    String phone = "+1%d%08d".formatted(series, n);
                    String id = Api.post(scenario.patients("/api/v1/patients"), center.coordinator(), """
                            {"centerId":"%s","subject":"%s","displayName":"B.","birthYear":1960,"timeZone":"America/Chicago",
                             "infusionDate":"%s","product":"AXI_CEL","disease":"LBCL","phone":"%s","language":"en"}"""
                            .formatted(center.id(), subject, java.time.LocalDate.now(Scenario.CHICAGO).minusDays(5), phone))
                            .expect(201).at("/id");
                    return new Patient(id, tokens.token(subject, "patient"), phone);
                }, pool));
            }
            List<Patient> patients = new ArrayList<>();
            for (CompletableFuture<Patient> f : all) {
                patients.add(f.get());
            }
            return patients;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Sends {@code rate × seconds} check-ins on a fixed schedule: each alert-worthy one (its share spread evenly) from the
     * next fever patient, the others round-robin from the quiet ones. Answers every send once all are answered.
     */
    private List<Sent> load(HttpClient http, String url, int duration, List<Patient> fever, List<Patient> quiet)
            throws Exception {
        int total = rate * duration;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int fevers = 0;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            boolean alertWorthy = alertWorthy((long) i) && fevers < fever.size();
            Patient patient = alertWorthy ? fever.get(fevers++) : quiet.get(i % quiet.size());
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = alertWorthy
                    ? """
                            {"recordedAt":"%s","temperature":{"value":38.6,"unit":"C","method":"ORAL"},"symptoms":["RIGORS"]}"""
                    : """
                            {"recordedAt":"%s","temperature":{"value":36.8,"unit":"C","method":"ORAL"}}""";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.formatted(patient.id())))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + patient.token())
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body.formatted(OffsetDateTime.now()))).build();
            Instant sentAt = Instant.now();
            pending.add(send(http, request, 1).handle((answer, failure) -> {
                sent.add(new Sent(patient, alertWorthy, due, sentAt, System.nanoTime(),
                        failure == null ? answer.status() : -1, failure == null ? answer.tries() : 1));
                return null;
            }));
        }
        long late = System.nanoTime() - (start + (total - 1) * interval);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        say("  sent %d check-ins in %.1f s (the last %d ms after its schedule)%n", total,
                (System.nanoTime() - start) / 1e9, TimeUnit.NANOSECONDS.toMillis(late));
        return new ArrayList<>(sent);
    }

    /** The final status of a check-in and how many times it was sent. */
    record Answer(int status, int tries) {
    }

    /**
     * Sends a check-in as the phone does: a 503 (the service turned it away under load, or could not reach its database) is
     * sent again with the same Idempotency-Key after Retry-After, up to ten times.
     */
    private static CompletableFuture<Answer> send(HttpClient http, HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            if (response.statusCode() != 503 || attempt >= 10) {
                return CompletableFuture.completedFuture(new Answer(response.statusCode(), attempt));
            }
            long after = response.headers().firstValueAsLong("Retry-After").orElse(5);
            Executor later = CompletableFuture.delayedExecutor(after, TimeUnit.SECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(v -> send(http, request, attempt + 1));
        });
    }

    private void report(List<Sent> sent, List<Patient> fever, List<Patient> quiet, Center center, Scenario scenario,
            Mailbox mail) {
        List<String> problems = new ArrayList<>();
        long failed = sent.stream().filter(s -> s.status() != 201).count();
        if (failed > 0) {
            problems.add(failed + " check-ins not answered 201");
        }
        List<Double> latency = sent.stream().map(s -> (s.answeredNanos() - s.dueNanos()) / 1e6).sorted().toList();

        // Pages per patient phone and purpose, as the SMTP server received them.
        Map<String, Instant> checkInOf = new HashMap<>();
        sent.stream().filter(Sent::alertWorthy).forEach(s -> checkInOf.put(s.patient().phone(), s.sentAt()));
        Map<String, List<Mail>> primary = new HashMap<>();
        Map<String, List<Mail>> backup = new HashMap<>();
        Map<String, List<Mail>> hotline = new HashMap<>();
        for (Mail m : mail.all()) {
            Matcher phone = PHONE.matcher(m.text());
            if (!phone.find()) {
                continue;
            }
            Map<String, List<Mail>> into = m.to().equalsIgnoreCase(center.primaryEmail()) ? primary
                    : m.to().equalsIgnoreCase(center.backupEmail()) ? backup
                            : m.to().equalsIgnoreCase(center.hotline()) ? hotline : null;
            if (into != null) {
                into.computeIfAbsent(phone.group(1), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Instant> openedAt = openedAt(scenario, center);
        List<Double> toPage = new ArrayList<>();
        List<Double> toAlert = new ArrayList<>();
        List<Double> alertToPage = new ArrayList<>();
        List<Double> lateness = new ArrayList<>();
        // The page latency of the alerts of each minute of the load: the first minutes carry the JIT's warm-up.
        Instant loadStart = sent.stream().map(Sent::sentAt).min(Instant::compareTo).orElse(Instant.EPOCH);
        Map<Integer, List<Double>> toPageByMinute = new TreeMap<>();
        for (Patient p : fever) {
            List<Mail> pages = primary.getOrDefault(p.phone(), List.of());
            List<Mail> second = backup.getOrDefault(p.phone(), List.of());
            List<Mail> last = hotline.getOrDefault(p.phone(), List.of());
            if (pages.size() != 1 || second.size() != 1 || last.size() != 1) {
                problems.add("patient " + p.phone() + ": " + pages.size() + " primary, " + second.size() + " backup, "
                        + last.size() + " hotline pages (one each expected)");
                continue;
            }
            double pageMillis = Duration.between(checkInOf.get(p.phone()), pages.get(0).receivedAt()).toNanos() / 1e6;
            toPage.add(pageMillis);
            toPageByMinute.computeIfAbsent((int) Duration.between(loadStart, checkInOf.get(p.phone())).toMinutes(),
                    k -> new ArrayList<>()).add(pageMillis);
            Instant opened = openedAt.get(p.id());
            if (opened == null) {
                problems.add("patient " + p.phone() + ": no alert found");
                continue;
            }
            toAlert.add(Duration.between(checkInOf.get(p.phone()), opened).toNanos() / 1e6);
            alertToPage.add(Duration.between(opened, pages.get(0).receivedAt()).toNanos() / 1e6);
            lateness.add(Duration.between(opened.plusSeconds(LEVEL_SECONDS), second.get(0).receivedAt()).toNanos() / 1e6);
            lateness.add(Duration.between(opened.plusSeconds(2L * LEVEL_SECONDS), last.get(0).receivedAt()).toNanos() / 1e6);
        }
        for (Patient p : quiet) {
            if (primary.containsKey(p.phone())) {
                problems.add("quiet patient " + p.phone() + " was paged");
            }
        }
        Collections.sort(toPage);
        Collections.sort(toAlert);
        Collections.sort(alertToPage);
        Collections.sort(lateness);
        say("%nSystem benchmark (%d cores; one PostgreSQL, GreenMail, the three services from their jars)%n",
                Runtime.getRuntime().availableProcessors());
        say("  check-ins:                   %d at %d/s, %d not 201; %d sent again after a 503 (at most %d tries)%n",
                sent.size(), rate, failed, sent.stream().filter(x -> x.tries() > 1).count(),
                sent.stream().mapToInt(Sent::tries).max().orElse(0));
        say("  check-in latency (open model, from its schedule): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(latency, 50), pct(latency, 99), pct(latency, 100));
        say("  check-in → primary's page at the SMTP server: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d alerts)%n",
                pct(toPage, 50), pct(toPage, 99), pct(toPage, 100), toPage.size());
        say("    of which check-in → alert opened (patient-service's outbox, alert-service's intake): p50 %.0f ms, p99 %.0f ms;"
                + " alert opened → page at the SMTP server: p50 %.0f ms, p99 %.0f ms%n", pct(toAlert, 50), pct(toAlert, 99),
                pct(alertToPage, 50), pct(alertToPage, 99));
        if (toPageByMinute.size() > 1) {
            say("  check-in → primary's page p99 by minute of the load (ms): %s%n", toPageByMinute.values().stream()
                    .map(minute -> String.format(Locale.ROOT, "%.0f", pct(minute.stream().sorted().toList(), 99))).toList());
        }
        say("  escalation lateness (backup after %d s, hotline after %d s; due → SMTP server): p50 %.0f ms, p99 %.0f ms, "
                + "max %.0f ms (%d steps)%n", LEVEL_SECONDS, 2 * LEVEL_SECONDS, pct(lateness, 50), pct(lateness, 99),
                pct(lateness, 100), lateness.size());
        say("  pages: %d primary, %d backup, %d hotline; problems: %d%n", count(primary), count(backup), count(hotline),
                problems.size());
        problems.stream().limit(20).forEach(p -> say("    %s%n", p));
        assertThat("every check-in answered, every alert paged once per step", problems, empty());
        assertThat(toPage.size(), equalTo(fever.size()));
    }

    /** When each of the center's alerts opened, by patient id (the alert-service API, all pages of the list). */
    private static Map<String, Instant> openedAt(Scenario scenario, Center center) {
        Map<String, Instant> opened = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = Api.get(scenario.alerts("/api/v1/alerts?centerId=" + center.id() + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)), center.coordinator()).expect(200).json();
            page.get("items").forEach(a -> opened.put(a.get("patientId").asText(),
                    OffsetDateTime.parse(a.get("openedAt").asText()).toInstant()));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return opened;
    }

    private static long count(Map<String, List<Mail>> pages) {
        return pages.values().stream().mapToLong(List::size).sum();
    }

    /** The {@code p}-th percentile (nearest rank) of sorted values; 100 is the maximum. */
    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void say(String format, Object... args) {
        System.out.print(String.format(Locale.ROOT, format, args));
    }
}
