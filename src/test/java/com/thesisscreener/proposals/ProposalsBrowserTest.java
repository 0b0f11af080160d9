package com.thesisscreener.proposals;

import com.thesisscreener.ServiceTest;
import com.thesisscreener.ui.HeadlessChromium;
import com.thesisscreener.web.TestHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.database.DatabaseTest;
import com.thesisscreener.security.Role;
import com.thesisscreener.security.UserAccounts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule proposals in a real browser (Debian's Chromium, headless, through the system chromedriver; skipped with a
 * message when they are missing): an analyst proposes a threshold change and sees its diff and impact, cannot
 * approve it, and an ADMIN approves it. Screenshots go to {@code target/screenshots/}.
 */
@DatabaseTest
@ServiceTest
class ProposalsBrowserTest {

    static final String PASSWORD = "proposal-analyst-password";

    static HeadlessChromium chromium;
    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("1280,2400", options -> { });
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) chromium.close();
    }

    @Test
    void anAnalystProposesAThresholdChangeSeesItsDiffAndImpactAndAnAdminApprovesIt() {
        if (accounts.find("pia").isEmpty()) accounts.createWithPassword("pia", Role.ANALYST, PASSWORD);
        TestHttp.uploadSample(TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD));
        signIn("pia", PASSWORD);
        open("/rules/proposals?file=risks.drl");
        WebElement content = waitFor(By.id("proposal-content"));
        String original = content.getAttribute("value");
        // The shipped 40%, or 10% when the REST tests sharing this service already approved that: either move changes the sample.
        String from = original.contains("aheadOfDemandCapex() { return 0.40; }") ? "0.40" : "0.10";
        String to = from.equals("0.40") ? "0.10" : "0.40";
        assertThat(original).contains("aheadOfDemandCapex() { return " + from + "; }");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", content,
                original.replace("aheadOfDemandCapex() { return " + from + "; }", "aheadOfDemandCapex() { return " + to + "; }"));
        browser.findElement(By.id("proposal-reason")).sendKeys("Capex ahead of demand from " + to);
        browser.findElement(By.id("propose")).click();

        assertThat(waitFor(By.id("proposal-status")).getText()).isEqualTo("DRAFT");
        screenshot("proposal-01-draft");
        assertThat(browser.findElement(By.id("validation-ok")).getText()).contains("Compiles");
        assertThat(browser.findElement(By.cssSelector("tr.diff-REMOVED")).getText()).contains("- function double aheadOfDemandCapex() { return " + from + "; }");
        assertThat(browser.findElement(By.cssSelector("tr.diff-ADDED")).getText()).contains("+ function double aheadOfDemandCapex() { return " + to + "; }");
        assertThat(browser.findElement(By.id("impact")).getText()).contains("companies change", "RISK-DEMAND");

        browser.findElement(By.id("submit")).click();
        assertThat(waitFor(By.id("own-proposal")).getText()).contains("a second person");
        assertThat(browser.findElement(By.id("proposal-status")).getText()).isEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.id("approve"))).as("no approve button for the author").isEmpty();
        String page = browser.getCurrentUrl();

        signIn("admin", ServiceTest.ADMIN_PASSWORD);
        browser.get(page);
        waitFor(By.id("approve-comment")).sendKeys("agreed");
        screenshot("proposal-02-review");
        browser.findElement(By.id("approve")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("proposal-status"), "APPROVED"));
        assertThat(browser.findElement(By.id("comments")).getText()).contains("admin", "APPROVAL", "agreed");
        screenshot("proposal-03-approved");

        open("/rules/proposals");
        assertThat(waitFor(By.id("proposals")).getText()).contains("Capex ahead of demand from " + to, "APPROVED", "pia");
    }

    private void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
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

    private static void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
