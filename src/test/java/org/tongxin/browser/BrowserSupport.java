package org.tongxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Playwright against Debian's Chromium (never a downloaded browser), headless, with the flags this kind of
 * machine needs; screenshots go to {@code target/screenshots} as build artefacts; every page is checked with axe.
 */
final class BrowserSupport implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> CHROMIUM_FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;

    BrowserSupport(int port) {
        this.base = "http://localhost:" + port;
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getProperty("tongxin.chromium", "/usr/bin/chromium");
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(executable))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_FLAGS));
    }

    /** A fresh browser profile (cookies, language) for one person. */
    Page newPerson() {
        return newPerson(1280, 900);
    }

    /** A fresh profile with a window of the given size: 1440 × 900 for a desk, 390 × 844 for a phone. */
    Page newPerson(int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-US"));
        return context.newPage();
    }

    String url(String path) {
        return base + path;
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** axe-core on the page as it is: no serious or critical violation of WCAG 2.1 A/AA. */
    static void assertAccessible(Page page, String name) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(severe)
                .as(
                        "%s: %s",
                        name,
                        severe.stream()
                                .map(v -> v.getId() + " (" + v.getImpact() + "): "
                                        + v.getNodes().stream()
                                                .map(n -> n.getTarget().toString())
                                                .collect(Collectors.joining("; ")))
                                .collect(Collectors.joining(" | ")))
                .isEmpty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
