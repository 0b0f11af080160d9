package com.thesisscreener.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through the system chromedriver (nothing downloads a browser): what every
 * browser test starts. A test is skipped with the install hint when either is missing.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver browser;

    private HeadlessChromium(Path profile, ChromeDriverService service, WebDriver browser) {
        this.profile = profile;
        this.service = service;
        this.browser = browser;
    }

    /** A fresh profile and window of this size ("1280,1000"); {@code more} adds a test's own options. */
    public static HeadlessChromium start(String windowSize, Consumer<ChromeOptions> more) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing. Install them with "
                        + "'apt-get install chromium chromium-driver' (Debian), then run mvn verify again.");
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("screener-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + windowSize);
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
        deleteFolder(profile);
    }

    /** Removes a temporary folder; leftovers are harmless, so a failure is ignored. */
    public static void deleteFolder(Path folder) {
        if (folder == null) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers in the temporary folder are harmless
        }
    }
}
