package com.thesisscreener.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.security.Role;
import com.thesisscreener.security.UserAccounts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web workspace in a real browser: Debian's Chromium, headless, driven through the system chromedriver
 * (nothing downloads a browser). Skipped with a message when they are not installed. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        "screener.sample-portfolio=",
        "screener.rules-poll-interval=1h", // 0s would turn hot reload off, but currently fails at start-up (see report)
        "screener.admin.password=" + WorkspaceBrowserTest.ADMIN_PASSWORD})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    static final String ADMIN_PASSWORD = "browser-test-admin-pw";
    static final String ANALYST_PASSWORD = "analyst-password-for-tests";
    static final String VIEWER_PASSWORD = "viewer-password-for-tests";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static Path rulesCopy;
    static Path downloads;
    static Path profile;
    static WebDriver browser;
    static ChromeDriverService driverService;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        rulesCopy = copyOf(Path.of("rules"));
        registry.add("screener.rules-dir", () -> rulesCopy.toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing. Install them with "
                        + "'apt-get install chromium chromium-driver' (Debian), then run mvn verify again.");
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("screener-downloads-");
        profile = Files.createTempDirectory("screener-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
        if (driverService != null) driverService.stop();
        delete(profile);
        delete(downloads);
        delete(rulesCopy);
    }

    @Test
    @Order(1)
    void anAnalystUploadsTheSampleReadsTheRankingOpensACompanyAndDownloadsTheReport() throws Exception {
        ensureUser("ana", Role.ANALYST, ANALYST_PASSWORD);
        open("/portfolios");
        assertThat(browser.getCurrentUrl()).as("an anonymous visitor is sent to sign in").contains("/login");
        screenshot("01-sign-in");
        signIn("ana", ANALYST_PASSWORD);
        waitFor(By.id("upload-form"));
        screenshot("02-portfolios-empty");

        browser.findElement(By.id("file")).sendKeys(Path.of("sample-data/ai-portfolio.xlsx").toAbsolutePath().toString());
        browser.findElement(By.id("name")).sendKeys("AI book");
        browser.findElement(By.id("upload-button")).click();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-result")));
        assertThat(result.findElement(By.id("upload-summary")).getText()).contains("Rows read", "32", "Screened");
        screenshot("03-upload-summary");

        browser.findElement(By.id("upload-open")).click();
        waitFor(By.id("results"));
        browser.manage().window().setSize(new Dimension(1280, 2600));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(32);
        assertThat(rows.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualTo("STRONG BUY");
        assertThat(browser.findElements(By.cssSelector("#chart-bands rect"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#chart-scatter circle"))).hasSize(32);
        assertThat(browser.findElements(By.cssSelector("#chart-ratio rect"))).isNotEmpty();
        screenshot("04-results");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("band"))).selectByValue("AVOID");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor(By.id("results"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".badge")).getText()).startsWith("AVOID"));
        screenshot("05-results-filtered");

        browser.findElement(By.linkText("VRSP")).click();
        waitFor(By.id("findings"));
        assertThat(browser.findElement(By.id("findings")).getText()).contains("MOAT-NONE", "-25");
        assertThat(browser.findElements(By.cssSelector("#findings blockquote.thesis"))).isNotEmpty();
        assertThat(browser.findElement(By.id("inputs")).getText()).contains("apiRevenueShare");
        screenshot("06-company");

        browser.navigate().back();
        waitFor(By.id("download-report"));
        browser.findElement(By.id("download-report")).click();
        Path report = waitForDownload(".xlsx");
        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 2)).isEqualTo("PK");

        browser.manage().window().setSize(new Dimension(390, 1800));
        open("/portfolios/1");
        waitFor(By.id("results"));
        screenshot("07-results-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        open("/portfolios/1/runs");
        browser.findElement(By.id("rerun")).click();
        waitFor(By.id("diff"));
        assertThat(browser.findElement(By.id("diff")).getText()).contains("0 companies changed", "32 unchanged");
        screenshot("08-runs-diff");
        assertNoContentSecurityViolations();
    }

    @Test
    @Order(2)
    void aBrokenRuleEditShowsItsErrorWithFileAndLine() throws IOException {
        ensureUser("ana", Role.ANALYST, ANALYST_PASSWORD);
        signInFresh("ana", ANALYST_PASSWORD);
        open("/rules?file=moat.drl");
        WebElement content = waitFor(By.id("rule-content"));
        String original = content.getAttribute("value");
        assertThat(original).contains("proprietaryData == true");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", content,
                original.replace("proprietaryData == true", "proprietaryDat == true"));
        browser.findElement(By.id("validate")).click();
        WebElement errors = waitFor(By.id("validation-errors"));
        assertThat(errors.getText()).contains("moat.drl:", "proprietaryDat");
        browser.manage().window().setSize(new Dimension(1280, 2400));
        screenshot("09-rule-error");

        // A valid edit: previewed on the stored portfolio, nothing activated.
        content = browser.findElement(By.id("rule-content"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", content,
                original.replaceFirst("scorecard\\.add\\(kcontext, \\$c, 10,", "scorecard.add(kcontext, \\$c, 30,"));
        browser.findElement(By.id("preview")).click();
        waitFor(By.id("preview-result"));
        screenshot("10-rule-preview");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // The same mistake saved in the rules folder: an ADMIN reloads, the error is shown, the old rules keep serving.
        Path moat = rulesCopy.resolve("moat.drl");
        String onDisk = Files.readString(moat);
        try {
            Files.writeString(moat, onDisk.replace("proprietaryData == true", "proprietaryDat == true"));
            signInFresh("admin", ADMIN_PASSWORD);
            open("/rules");
            WebElement activeVersion = browser.findElement(By.id("active-version"));
            String before = activeVersion.getText();
            browser.findElement(By.id("reload")).click();
            // The reload posts and redirects back to this page: wait for the old page to go before reading the new one.
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(activeVersion));
            WebElement attempt = waitFor(By.id("last-attempt"));
            assertThat(attempt.getText()).contains("does not compile", "moat.drl:");
            assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("still serving " + before);
            screenshot("11-reload-error");
        } finally {
            Files.writeString(moat, onDisk);
        }
    }

    @Test
    @Order(3)
    void aViewerIsRefusedPagesAboveTheRole() {
        ensureUser("vic", Role.VIEWER, VIEWER_PASSWORD);
        signInFresh("vic", VIEWER_PASSWORD);
        waitFor(By.id("list-title"));
        assertThat(browser.findElements(By.id("upload-form"))).as("no upload for a VIEWER").isEmpty();
        assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
        open("/admin/users");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElement(By.id("problem-message")).getText()).contains("/admin/users");
        screenshot("12-viewer-refused");
        open("/rules");
        assertThat(browser.findElements(By.id("rule-editor"))).as("no rule editor for a VIEWER").isEmpty();
    }

    @Test
    @Order(4)
    void aNewUserChoosesAPasswordAndAnAdminCreatesAnApiKey() {
        if (accounts.find("newbie").isEmpty()) {
            String oneTime = accounts.create("newbie", Role.VIEWER).oneTimePassword();
            signInFresh("newbie", oneTime);
            waitFor(By.id("password-form"));
            assertThat(browser.getCurrentUrl()).endsWith("/password");
            screenshot("13-choose-password");
            open("/portfolios");
            assertThat(browser.getCurrentUrl()).as("nothing else until the password is changed").endsWith("/password");
            browser.findElement(By.id("currentPassword")).sendKeys(oneTime);
            browser.findElement(By.id("newPassword")).sendKeys("my-own-long-password");
            browser.findElement(By.id("confirmPassword")).sendKeys("my-own-long-password");
            browser.findElement(By.cssSelector("#password-form button")).click();
            waitFor(By.id("list-title"));
        }

        signInFresh("admin", ADMIN_PASSWORD);
        open("/admin/api-keys");
        browser.findElement(By.id("key-name")).sendKeys("nightly export");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("key-role"))).selectByValue("VIEWER");
        browser.findElement(By.cssSelector("#new-key button")).click();
        assertThat(waitFor(By.id("created-key")).getText()).startsWith("tsk_");
        screenshot("14-api-key-created");
        open("/admin/api-keys");
        assertThat(browser.findElements(By.id("created-key"))).as("the key is shown once").isEmpty();
        open("/admin/audit");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("api-key.create");
        screenshot("15-audit-log");
    }

    @Test
    @Order(5)
    void aSignedInPersonWhoOpensAnUnknownAddressGetsAPageWhileTheApiKeepsProblemDocuments() {
        signInFresh("admin", ADMIN_PASSWORD);
        open("/no-such-page");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("problem-message")).getText()).contains("no page at this address");
        assertThat(browser.findElements(By.linkText("Portfolios"))).as("the navigation is there").isNotEmpty();
        screenshot("16-not-found");

        // The same signed-in session over plain HTTP: a page address answers HTML, the API answers problem documents.
        String session = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        var http = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> status.isError(), (request, response) -> { })
                .defaultHeader("Cookie", session).build();
        var page = http.get().uri("/no-such-page").header("Accept", "text/html").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        var api = http.get().uri("/api/v1/portfolios/987654").header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .retrieve().toEntity(String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(404);
        assertThat(api.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    @Order(6)
    void theUploadFormWorksWithoutJavaScriptAndLandsOnThePortfolio() {
        ensureUser("ana", Role.ANALYST, ANALYST_PASSWORD);
        signInFresh("ana", ANALYST_PASSWORD);
        open("/portfolios");
        browser.findElement(By.id("file")).sendKeys(Path.of("sample-data/ai-portfolio.xlsx").toAbsolutePath().toString());
        browser.findElement(By.id("name")).sendKeys("Plain form");
        // form.submit() skips the page script's submit handler: the browser posts the form as it would with JavaScript off.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('upload-form').submit();");
        waitFor(By.id("results"));
        assertThat(browser.getCurrentUrl()).matches(".*/portfolios/\\d+$");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Plain form");
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("32 rows read", "32 screened");
        screenshot("17-upload-without-script");
    }

    @Test
    @Order(7)
    void anExpiredSessionSendsTheAnalystToSignInAndBackToTheRuleEditWhichIsKept() {
        ensureUser("ana", Role.ANALYST, ANALYST_PASSWORD);
        signInFresh("ana", ANALYST_PASSWORD);
        open("/rules?file=moat.drl");
        WebElement content = waitFor(By.id("rule-content"));
        String edited = content.getAttribute("value").replace("proprietaryData == true", "proprietaryData == true /* kept */");
        setRuleText(edited);
        browser.manage().deleteCookieNamed("JSESSIONID"); // the session ends while the page is open
        browser.findElement(By.id("validate")).click();

        waitFor(By.id("sign-in"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("continue where you were");
        signIn("ana", ANALYST_PASSWORD);
        waitFor(By.id("rule-content"));
        assertThat(browser.getCurrentUrl()).contains("/rules?file=moat.drl");
        assertThat(browser.findElement(By.id("draft-restored")).isDisplayed()).isTrue();
        assertThat(ruleText()).contains("/* kept */");
        screenshot("18-rule-edit-kept-after-sign-in");
        browser.findElement(By.id("discard-draft")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !ruleText().contains("/* kept */"));
    }

    private void setRuleText(String text) {
        ((JavascriptExecutor) browser).executeScript("if (window.ruleEditor) { window.ruleEditor.setValue(arguments[0]); } "
                + "else { var t = document.getElementById('rule-content'); t.value = arguments[0]; "
                + "t.dispatchEvent(new Event('input')); }", text);
    }

    private String ruleText() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return window.ruleEditor ? window.ruleEditor.getValue() : document.getElementById('rule-content').value;");
    }

    private void ensureUser(String name, Role role, String password) {
        if (accounts.find(name).isEmpty()) accounts.createWithPassword(name, role, password);
    }

    private void signInFresh(String user, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        signIn(user, password);
    }

    private void signIn(String user, String password) {
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private Path waitForDownload(String suffix) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                var done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) return done.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " file was downloaded to " + downloads);
    }

    private void assertNoContentSecurityViolations() {
        List<LogEntry> entries;
        try {
            entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        } catch (RuntimeException unsupported) {
            return; // this driver does not hand out the console; the CSP header itself is checked in SecurityEndToEndTest
        }
        assertThat(entries).noneSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("Content Security Policy"));
    }

    static void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOf(Path folder) {
        try {
            Path target = Files.createTempDirectory("screener-rules-");
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.toList()) {
                    Path to = target.resolve(folder.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers in the temporary folder are harmless
        }
    }
}
