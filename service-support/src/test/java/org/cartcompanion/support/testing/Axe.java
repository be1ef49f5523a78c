package org.cartcompanion.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * axe-core's accessibility check of what a page shows now (WCAG 2.1 A and AA): the violations whose impact is serious or
 * critical. axe-core comes from {@code .ci/axe-core} ({@code AXE_CORE_PATH}, else npm ci in {@code .ci/a11y}).
 */
public final class Axe {

    private static String source;

    private Axe() {
    }

    /** Each serious or critical violation on the page as "rule (impact): target…", empty when there are none. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        // Evaluated by the test, not loaded by the page: the page's Content-Security-Policy stays as it is served.
        page.evaluate(source());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                () => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact,
                    targets: v.nodes.map(n => n.target.join(' ')).join(', ') })))""");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("targets")).toList();
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                Process finder = new ProcessBuilder("bash", "../.ci/axe-core").redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                String path = new String(finder.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (finder.waitFor() != 0 || path.isEmpty()) {
                    throw new IllegalStateException("No axe-core for the accessibility checks: see .ci/axe-core");
                }
                source = Files.readString(Path.of(path));
            } catch (IOException e) {
                throw new IllegalStateException("axe-core could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finding axe-core", e);
            }
        }
        return source;
    }
}
