package org.cartcompanion.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Debian Chromium driven by Playwright, for the tests of the services' pages: {@code CHROMIUM_PATH}, else the one
 * {@code .ci/chromium} finds or installs (Playwright downloads no browser of its own here).
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() throws IOException, InterruptedException {
        String executable = executable();
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A new page in a fresh context (no cookies or storage from another page) the size of a phone's screen, 390×844. */
    public Page phone() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        return context.newPage();
    }

    /** The path {@code .ci/chromium} prints: {@code CHROMIUM_PATH}, else Debian's Chromium, installed when missing. */
    private static String executable() throws IOException, InterruptedException {
        Process finder = new ProcessBuilder("bash", "../.ci/chromium").redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String found = new String(finder.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (finder.waitFor() != 0 || found.isEmpty()) {
            throw new IllegalStateException("No Chromium for the browser tests: install Debian's chromium package");
        }
        return found;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
