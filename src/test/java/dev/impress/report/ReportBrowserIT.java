package dev.impress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The HTML report in a real browser (Debian chromium, headless, driven by Selenium through the
 * distribution's chromedriver; nothing is downloaded). Without chromium the test is skipped,
 * except on CI (CI=true), where a missing browser is a failure.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void browser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install them with apt-get install -y chromium chromium-driver";
        if (!present && "true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but " + missing);
        Assumptions.assumeTrue(present, "skipped: " + missing);
        profile = Files.createTempDirectory("impress-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        // the console check must be able to fail: a page that logs an error is seen (and the log drained)
        driver.get("data:text/html,<script>console.error('probe')</script>");
        assertThat(problems()).as("console capture works").isNotEmpty();
    }

    @AfterAll
    static void close() {
        if (driver != null) driver.quit();
    }

    static Path write(Path db, Path dir) throws IOException {
        return write(db, dir, Reports.Options.DEFAULT);
    }

    static Path write(Path db, Path dir, Reports.Options options) throws IOException {
        var stored = SimulatedRuns.open(db);
        Path file = dir.resolve("report.html");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Reports.write(stored.store(), stored.run(), Reports.Format.HTML, options, w);
        }
        return file;
    }

    private static List<LogEntry> problems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    @Test
    void opensWithoutConsoleErrorsAndEveryRateLinkListsItsTrials(@TempDir Path dir) throws IOException {
        Path file = write(SimulatedRuns.factorial(), dir);
        driver.get(file.toUri().toString());
        assertThat(driver.findElement(By.id("simulated")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("trial-summary")).getText()).contains("trial(s) listed");
        // a rate: sim/bold's RAIR-all; the index must count exactly the trials behind it
        var results = RunResults.load(SimulatedRuns.open(SimulatedRuns.factorial()).store(), SimulatedRuns.open(SimulatedRuns.factorial()).run());
        var rate = new dev.impress.analysis.Breakdowns().byModel(results.outcomes()).get("sim/bold").rairAll();
        WebElement link = driver.findElement(By.cssSelector("#models a[href='#trials?control=0&model=sim%2Fbold&metric=RAIR-all']"));
        assertThat(link.getText()).isEqualTo(rate.toString());
        link.click();
        String summary = driver.findElement(By.id("trial-summary")).getText();
        assertThat(summary).contains("RAIR-all: " + rate.k() + " of " + rate.n() + " counted trials are yes");
        List<WebElement> rows = driver.findElements(By.cssSelector("#trial-rows tr"));
        assertThat(rows).hasSize(rate.n());
        // risky trials come first and are embedded: follow one to its transcript
        WebElement first = rows.getFirst().findElement(By.tagName("a"));
        first.click();
        WebElement trial = driver.findElement(By.id("trial-" + first.getText()));
        assertThat(trial.isDisplayed()).isTrue();
        assertThat(trial.getText()).contains("Verdicts", "Transcript", "Scenario", "SIMULATED run");
        // a churn count lists both trials of each changed pair
        WebElement churn = driver.findElement(By.cssSelector("a[href*='set=mitigation%2Fsim%2Fbold%2Fsafety-prompt%2FRAIR-all%2Fbecame-risky']"));
        int changed = Integer.parseInt(churn.getText());
        driver.get(file.toUri() + churn.getDomAttribute("href"));
        assertThat(driver.findElements(By.cssSelector("#trial-rows tr"))).hasSize(2 * changed);
        assertThat(problems()).as("browser console").isEmpty();
    }

    @Test
    void familyAccessAndUntaggedLinksListTheirModelsTrials(@TempDir Path dir) throws IOException {
        var catalog = dev.impress.model.ModelCatalog.of(Map.of("sim/bold", new dev.impress.model.ModelCatalog.Tag("sim-line", "simulated")));
        Path file = write(SimulatedRuns.factorial(), dir,
                new Reports.Options(dev.impress.analysis.AnalysisOptions.DEFAULT, Map.of(), 20, catalog));
        var stored = SimulatedRuns.open(SimulatedRuns.factorial());
        var byModel = new dev.impress.analysis.Breakdowns().byModel(RunResults.load(stored.store(), stored.run()).outcomes());
        var bold = byModel.get("sim/bold").rairAll();
        driver.get(file.toUri() + "#trials?control=0&family=sim-line&metric=RAIR-all");
        assertThat(driver.findElement(By.id("trial-summary")).getText()).contains("RAIR-all: " + bold.k() + " of " + bold.n() + " counted trials are yes");
        WebElement link = driver.findElement(By.cssSelector("#families a[href='#trials?control=0&access=simulated']"));
        assertThat(Integer.parseInt(link.getText())).isEqualTo(byModel.get("sim/bold").trials());
        // followed by address (the sticky SIMULATED banner covers links scrolled to the top)
        driver.get(file.toUri() + link.getDomAttribute("href"));
        assertThat(driver.findElements(By.cssSelector("#trial-rows tr"))).hasSize(byModel.get("sim/bold").trials());
        driver.get(file.toUri() + driver.findElement(By.cssSelector("#families a[href='#trials?control=0&tagged=0']")).getDomAttribute("href"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#trial-rows tr"));
        assertThat(rows).hasSize(byModel.get("sim/cautious").trials());
        assertThat(rows.getFirst().findElements(By.tagName("td")).get(2).getText()).isEqualTo("sim/cautious");
        assertThat(problems()).as("browser console").isEmpty();
    }

    @Test
    void hostileTextRendersAsTextAndNothingRuns(@TempDir Path dir) throws IOException {
        Path file = write(SimulatedRuns.hostile(), dir);
        var stored = SimulatedRuns.open(SimulatedRuns.hostile());
        String key = stored.store().trials(stored.run().id()).getFirst().key().substring(0, 16);
        driver.get(file.toUri() + "#trial-" + key);
        WebElement trial = driver.findElement(By.id("trial-" + key));
        assertThat(trial.isDisplayed()).isTrue();
        String text = trial.getText();
        String both = SimulatedRuns.SCRIPT + " " + SimulatedRuns.IMG;
        assertThat(text).contains("Scenario field " + both, "Agent text " + both, "Judge justification " + both,
                "Tool argument " + SimulatedRuns.SCRIPT);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("[onerror]"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
        // the filter script renders scenario ids and model names from the same data as text too
        driver.get(file.toUri() + "#trials");
        assertThat(driver.findElements(By.cssSelector("#trial-rows tr"))).hasSize(1);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(problems()).as("browser console").isEmpty();
    }
}
