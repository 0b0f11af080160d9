package com.thesisscreener.ui;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.database.DatabaseTest;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web workspace in a real browser: Debian's Chromium, headless, driven through the system chromedriver
 * (nothing downloads a browser). Skipped with a message when they are not installed. Screenshots go to
 * {@code target/screenshots/}.
 */
@DatabaseTest
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    static final String ANALYST_PASSWORD = "analyst-password-for-tests";
    static final String VIEWER_PASSWORD = "viewer-password-for-tests";
    /** Spring Session (JDBC, shared between instances) names its cookie SESSION. */
    static final String SESSION_COOKIE = "SESSION";

    static final Path rulesCopy = ServiceTest.CopiedRules.FOLDER;
    static Path downloads;
    static HeadlessChromium chromium;
    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("screener-downloads-");
        chromium = HeadlessChromium.start("1280,1000", options -> {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) chromium.close();
        HeadlessChromium.deleteFolder(downloads);
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
        assertThat(browser.findElement(By.id("upload-status")).getText()).as("the job's progress ends in its summary")
                .matches("Done: 32 rows read, 32 screened in [0-9.]+ s\\.");
        screenshot("03-upload-summary");

        browser.findElement(By.id("upload-open")).click();
        waitFor(By.id("results"));
        browser.manage().window().setSize(new Dimension(1280, 2600));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(32);
        assertThat(rows.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualTo("STRONG BUY");
        waitFor(By.cssSelector("#charts[data-ready=true]"));
        assertThat(browser.findElements(By.cssSelector(".chart-canvas[data-rendered=true] canvas"))).hasSize(3);
        assertThat(browser.findElement(By.id("chart-bands-summary")).getText()).isEqualTo(
                "32 companies by band: 4 STRONG BUY, 9 BUY, 11 HOLD, 5 REDUCE, 3 AVOID.");
        screenshot("04-results");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("band"))).selectByValue("AVOID");
        WebElement unfiltered = browser.findElement(By.id("results"));
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        // The filtered page replaces this one: wait for that, not for the table already shown.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(unfiltered));
        waitFor(By.id("results"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".badge")).getText()).startsWith("AVOID"));
        screenshot("05-results-filtered");

        browser.findElement(By.linkText("VRSP")).click();
        waitFor(By.id("findings"));
        assertThat(browser.findElement(By.id("findings")).getText()).contains("MOAT-NONE", "-25");
        assertThat(browser.findElements(By.cssSelector("#findings blockquote.thesis"))).isNotEmpty();
        assertThat(browser.findElement(By.id("inputs")).getText()).contains("API revenue share").doesNotContain("apiRevenueShare");
        assertThat(browser.findElement(By.cssSelector("#inputs [data-field=apiRevenueShare] dd")).getText()).endsWith(" %");
        assertThat(browser.findElement(By.cssSelector("#inputs [data-field=marketCapUsd] dd")).getText()).matches("\\$[0-9.]+[BMT]");
        String buildUp = browser.findElement(By.id("score-build-up")).getText();
        assertThat(buildUp).contains("− 25").endsWith("= " + browser.findElement(By.id("company-score")).getText());
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
        waitFor(By.cssSelector("[data-editor=codemirror]"));
        String original = ruleText();
        assertThat(original).contains("proprietaryData == true");
        setRuleText(original.replace("proprietaryData == true", "proprietaryDat == true"));
        browser.findElement(By.id("validate")).click();
        WebElement errors = waitFor(By.id("validation-errors"));
        assertThat(errors.getText()).contains("moat.drl:", "proprietaryDat");
        waitFor(By.cssSelector("[data-editor=codemirror]"));
        assertThat(browser.findElements(By.cssSelector(".CodeMirror-linenumber"))).as("line numbers").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".rule-error-marker"))).as("the error marked in the gutter").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".CodeMirror .cm-keyword"))).as("DRL highlighting").isNotEmpty();
        WebElement jump = browser.findElement(By.cssSelector("#validation-errors button.jump"));
        int errorLine = Integer.parseInt(jump.getText().replaceAll("\\D", ""));
        jump.click();
        Number cursorLine = (Number) ((JavascriptExecutor) browser).executeScript("return window.ruleEditor.getCursor().line;");
        assertThat(cursorLine.intValue() + 1).as("jump-to-error puts the cursor on the error's line").isEqualTo(errorLine);
        browser.manage().window().setSize(new Dimension(1280, 2400));
        screenshot("09-rule-error");

        // A valid edit: previewed on the stored portfolio, nothing activated.
        setRuleText(original.replaceFirst("@points\\(\\+10\\)", "@points(+30)"));
        browser.findElement(By.id("preview")).click();
        waitFor(By.id("preview-result"));
        String preview = browser.findElement(By.id("preview-result")).getText();
        assertThat(preview).as("each changed company: its score and band before and after, the points that moved")
                .containsPattern("\\d+ → \\d+").contains("MOAT-DATA +10 → +30");
        screenshot("10-rule-preview");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // The same mistake saved in the rules folder: an ADMIN reloads, the error is shown, the old rules keep serving.
        Path moat = rulesCopy.resolve("moat.drl");
        String onDisk = Files.readString(moat);
        try {
            Files.writeString(moat, onDisk.replace("proprietaryData == true", "proprietaryDat == true"));
            signInFresh("admin", ServiceTest.ADMIN_PASSWORD);
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

        signInFresh("admin", ServiceTest.ADMIN_PASSWORD);
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
        signInFresh("admin", ServiceTest.ADMIN_PASSWORD);
        open("/no-such-page");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("problem-message")).getText()).contains("no page at this address");
        assertThat(browser.findElements(By.linkText("Portfolios"))).as("the navigation is there").isNotEmpty();
        screenshot("16-not-found");

        // The same signed-in session over plain HTTP: a page address answers HTML, the API answers problem documents.
        String session = SESSION_COOKIE + "=" + browser.manage().getCookieNamed(SESSION_COOKIE).getValue();
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
        waitFor(By.cssSelector("[data-editor=codemirror]"));
        String edited = ruleText().replace("proprietaryData == true", "proprietaryData == true /* kept */");
        setRuleText(edited);
        browser.manage().deleteCookieNamed(SESSION_COOKIE); // the session ends while the page is open
        browser.findElement(By.id("validate")).click();

        waitFor(By.id("sign-in"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("continue where you were");
        signIn("ana", ANALYST_PASSWORD);
        waitFor(By.cssSelector("[data-editor=codemirror]"));
        assertThat(browser.getCurrentUrl()).contains("/rules?file=moat.drl");
        assertThat(browser.findElement(By.id("draft-restored")).isDisplayed()).isTrue();
        assertThat(ruleText()).contains("/* kept */");
        screenshot("18-rule-edit-kept-after-sign-in");
        browser.findElement(By.id("discard-draft")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !ruleText().contains("/* kept */"));
    }

    @Test
    @Order(8)
    void aTwentyThousandCompanyRunIsPagedSortedAndFilteredOnTheServerWithReadableCharts() throws IOException {
        long id = twentyThousandCompanyPortfolio();
        ensureUser("ana", Role.ANALYST, ANALYST_PASSWORD);
        signInFresh("ana", ANALYST_PASSWORD);
        open("/portfolios/" + id);
        waitFor(By.id("results"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(ResultsView.DEFAULT_SIZE);
        assertThat(browser.findElement(By.id("result-count")).getText()).contains("Showing 1–50 of 20,000 companies", "sorted by rank");
        assertThat(browser.findElement(By.id("page-position")).getText()).isEqualTo("Page 1 of 400");
        assertThat(pageBytes("/portfolios/" + id)).as("the page a browser downloads").isLessThan(300_000);

        waitFor(By.cssSelector("#charts[data-ready=true]"));
        for (String chart : List.of("chart-bands", "chart-anchors", "chart-ratio")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + "[data-rendered=true] canvas"))).as(chart).isNotEmpty();
        }
        assertThat(browser.findElement(By.id("chart-bands-summary")).getText()).startsWith("20000 companies by band");
        assertThat(browser.findElement(By.id("chart-ratio-summary")).getText()).contains("meet the rules' 3x line", "Nearest the line");
        screenshot("19-results-20k");
        assertNoSeriousAccessibilityViolations();

        browser.findElement(By.id("page-last")).click();
        waitFor(By.id("page-position"));
        assertThat(browser.findElement(By.id("page-position")).getText()).isEqualTo("Page 400 of 400");
        List<WebElement> lastRows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(lastRows.get(lastRows.size() - 1).findElement(By.cssSelector("td")).getText()).isEqualTo("20000");

        browser.findElement(By.xpath("//th//a[span[text()='Score']]")).click();
        WebElement scoreHeader = waitFor(By.cssSelector("th[aria-sort]"));
        assertThat(scoreHeader.getText()).contains("Score", "▼");
        assertThat(scoreHeader.getAttribute("aria-sort")).isEqualTo("descending");
        List<Integer> scores = columnNumbers(6);
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        browser.findElement(By.xpath("//th//a[span[text()='Score']]")).click();
        assertThat(waitFor(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(columnNumbers(6)).isSorted();

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("band"))).selectByValue("STRONG_BUY");
        browser.findElement(By.id("minScore")).sendKeys("60");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor(By.id("active-filter"));
        assertThat(browser.findElement(By.id("active-filter")).getText()).contains("band STRONG BUY", "score at least 60", "20,000 in the run");
        assertThat(browser.findElement(By.id("result-count")).getText()).contains("matching companies");
        assertThat(browser.findElements(By.cssSelector("#results tbody .badge")))
                .allSatisfy(badge -> assertThat(badge.getText()).startsWith("STRONG BUY"));
        assertThat(columnNumbers(6)).allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(60));
        screenshot("20-results-filtered");

        open("/portfolios/" + id + "?minScore=100&maxConfidence=0");
        assertThat(waitFor(By.id("no-match")).getText()).contains("No company matches these filters");
    }

    private List<Integer> columnNumbers(int column) {
        return browser.findElements(By.cssSelector("#results tbody tr td:nth-child(" + column + ")")).stream()
                .map(cell -> Integer.parseInt(cell.getText().strip())).toList();
    }

    /** Bytes of the page's HTML as the signed-in browser receives it. */
    private int pageBytes(String path) {
        String session = SESSION_COOKIE + "=" + browser.manage().getCookieNamed(SESSION_COOKIE).getValue();
        byte[] body = org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
                .header("Cookie", session).header("Accept", "text/html").retrieve().body(byte[].class);
        return body == null ? 0 : body.length;
    }

    /** axe-core (from the npm registry, a test resource) run in the page: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    private void assertNoSeriousAccessibilityViolations() throws IOException {
        String axe = new String(getClass().getResourceAsStream("/axe/axe.min.js").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return { id: v.id, impact: v.impact, help: v.help,"
                        + "      nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ') }; }));"
                        + "});");
        assertThat(violations).as("serious or critical accessibility violations on " + browser.getCurrentUrl()).isEmpty();
    }

    @Autowired
    com.thesisscreener.portfolio.PortfolioService portfolioService;

    private long twentyThousandCompanyPortfolio() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20_000);
        com.thesisscreener.screening.Segment[] segments = com.thesisscreener.screening.Segment.values();
        com.thesisscreener.screening.SwitchingCost[] costs = com.thesisscreener.screening.SwitchingCost.values();
        List<com.thesisscreener.screening.Company> companies = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            var segment = segments[random.nextInt(segments.length)];
            var company = com.thesisscreener.screening.Company.builder(String.format("T%05d", i), segment).name("Company " + i)
                    .proprietaryData(random.nextInt(3) == 0).distributionSwitchingCost(costs[random.nextInt(costs.length)])
                    .ownsCompute(random.nextInt(3) == 0).apiRevenueShare(random.nextDouble(0, 0.95))
                    .tokenVolumeGrowth(random.nextDouble(0.2, 6)).pricePerTokenChange(random.nextDouble(-0.9, -0.05))
                    .openSourceGapMonths(random.nextDouble(1, 18)).grossMargin(random.nextDouble(0.2, 0.85))
                    .revenueGrowth(random.nextDouble(-0.1, 0.9)).evToSales(random.nextDouble(2, 35))
                    .marketCapUsd(random.nextDouble(0.5e9, 500e9)).agenticProductionContracts(random.nextInt(6)).build();
            companies.add(company);
        }
        var imported = new com.thesisscreener.importing.ImportedPortfolio("twenty-thousand.xlsx", "Portfolio", companies, List.of(),
                companies.size(), List.of());
        return portfolioService.store("Twenty thousand", imported).portfolio().id();
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
            Files.copy(shot.toPath(), HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
