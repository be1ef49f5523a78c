package org.cartcompanion.e2e.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Debian Chromium through Playwright, as a patient's phone or a clinician's laptop: the executable {@code .ci/chromium}
 * prints ({@code CHROMIUM_PATH}, else Debian's package, installed when missing). Each page has a context of its own, so two
 * users signed in at once share no cookie or storage.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser start() throws Exception {
        Process finder = new ProcessBuilder("bash", "../.ci/chromium").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String executable = new String(finder.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (finder.waitFor() != 0 || executable.isEmpty()) {
            throw new IllegalStateException("No Chromium: install Debian's chromium package");
        }
        Playwright playwright = Playwright.create();
        return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"))));
    }

    /** A page of {@code width}×{@code height} in a context of its own. */
    public Page page(int width, int height) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
