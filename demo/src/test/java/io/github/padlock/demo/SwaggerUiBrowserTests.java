package io.github.padlock.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's walkthrough in a real browser (Debian's Chromium, headless, through chromedriver): the padlocks in
 * {@code /docs}, the Authorize dialog, and "Try it out" calls with HTTP Basic, the OAuth2 password flow and the API
 * key. Each step saves a screenshot under {@code target/screenshots/}.
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Without them the test is skipped, except on CI
 * ({@code CI=true}), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwaggerUiBrowserTests {

    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> PROTECTED = List.of("store-controller-createItem",
            "store-controller-readCurrentUser", "store-controller-deleteItem", "account-controller-readUsersMeOAuth",
            "account-controller-secureData");

    private static final List<String> PUBLIC = List.of("store-controller-readItems", "store-controller-readItem",
            "OAuth2-token");

    private static WebDriver driver;

    private static WebDriverWait wait;

    private static Network network;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver "
                    + "(apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(available, "Debian's chromium and chromium-driver are not installed");
        Path profile = Files.createTempDirectory("padlock-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1200", "--user-data-dir=" + profile);
        options.enableBiDi();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // A 401 with "WWW-Authenticate: Basic" makes Chrome ask for a user name and password in its own dialog; a
        // person who has just logged out of Swagger UI presses Cancel, and so does the test.
        network = new Network(driver);
        network.addIntercept(new AddInterceptParameters(InterceptPhase.AUTH_REQUIRED));
        network.onAuthRequired((details) -> network.cancelAuth(details.getRequest().getRequestId()));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (network != null) {
            network.close();
        }
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void docsShowPadlocksOnProtectedOperationsOnly() throws IOException {
        driver.get("http://127.0.0.1:" + this.port + "/docs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        for (String operation : PROTECTED) {
            assertThat(operation(operation).findElements(By.cssSelector("button.authorization__btn")))
                .as(operation + " shows a padlock").hasSize(1);
        }
        for (String operation : PUBLIC) {
            assertThat(operation(operation).findElements(By.cssSelector("button.authorization__btn")))
                .as(operation + " shows no padlock").isEmpty();
        }
        screenshot("1-docs-padlocks");
    }

    @Test
    @Order(2)
    void authorizeDialogListsBasicApiKeyAndOAuth2() throws IOException {
        openAuthorizeDialog();
        List<String> schemes = driver.findElements(By.cssSelector(".modal-ux .auth-container h4"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(schemes).anyMatch((title) -> title.startsWith("HTTPBasic"))
            .anyMatch((title) -> title.startsWith("APIKeyHeader"))
            .anyMatch((title) -> title.startsWith("OAuth2PasswordBearer"));
        assertThat(authContainer("OAuth2PasswordBearer").getText()).contains("items:read", "items:write");
        screenshot("2-authorize-dialog");
        closeAuthorizeDialog();
    }

    @Test
    @Order(3)
    void basicAuthorizedThenUsersMeOkAndAfterLogoutUnauthorized() throws IOException {
        openAuthorizeDialog();
        WebElement basic = authContainer("HTTPBasic");
        basic.findElement(By.cssSelector("input[type=text]")).sendKeys("stanley");
        basic.findElement(By.cssSelector("input[type=password]")).sendKeys("password123");
        clickButton(basic, "Authorize");
        wait.until((d) -> buttonTexts(authContainer("HTTPBasic")).contains("Logout"));
        closeAuthorizeDialog();
        assertThat(operation("store-controller-readCurrentUser")
            .findElement(By.cssSelector("button.authorization__btn")).getAttribute("aria-label"))
            .isEqualTo("authorization button locked");
        Response authorized = execute("store-controller-readCurrentUser");
        assertThat(authorized.status()).isEqualTo("200");
        assertThat(authorized.body()).contains("\"username\": \"stanley\"");
        screenshot("3a-basic-users-me-200");

        openAuthorizeDialog();
        clickButton(authContainer("HTTPBasic"), "Logout");
        closeAuthorizeDialog();
        Response loggedOut = execute("store-controller-readCurrentUser");
        assertThat(loggedOut.status()).isEqualTo("401");
        assertThat(loggedOut.body()).contains("Not authenticated");
        // Padlock documents its refusals (issue 17): the 401 is a row of the operation's responses, not "Undocumented".
        WebElement usersMe = operation("store-controller-readCurrentUser");
        assertThat(usersMe.findElements(By.cssSelector("tr.response[data-code='401']"))).as("a documented 401")
            .isNotEmpty();
        assertThat(usersMe.getText()).doesNotContain("Undocumented");
        screenshot("3b-basic-logged-out-401");
    }

    @Test
    @Order(4)
    void oauth2PasswordFlowThenUsersMeOauthOkAndCreateItemForbiddenWithoutItemsWrite() throws IOException {
        openAuthorizeDialog();
        WebElement oauth2 = authContainer("OAuth2PasswordBearer");
        oauth2.findElement(By.id("oauth_username")).sendKeys("stanley");
        oauth2.findElement(By.id("oauth_password")).sendKeys("password123");
        WebElement readScope = oauth2.findElement(By.cssSelector("input[data-value='items:read']"));
        oauth2.findElement(By.cssSelector("label[for='" + readScope.getAttribute("id") + "']")).click();
        assertThat(readScope.isSelected()).isTrue();
        assertThat(oauth2.findElement(By.cssSelector("input[data-value='items:write']")).isSelected()).isFalse();
        screenshot("4a-oauth2-password-flow");
        clickButton(oauth2, "Authorize");
        wait.until((d) -> buttonTexts(authContainer("OAuth2PasswordBearer")).contains("Logout"));
        closeAuthorizeDialog();

        Response me = execute("account-controller-readUsersMeOAuth");
        assertThat(me.status()).isEqualTo("200");
        assertThat(me.body()).contains("\"username\": \"stanley\"").contains("items:read");
        screenshot("4b-oauth2-users-me-oauth-200");

        Response create = execute("store-controller-createItem");
        assertThat(create.status()).isEqualTo("403");
        assertThat(create.body()).contains("Not enough permissions");
        screenshot("4c-oauth2-create-item-403");
    }

    @Test
    @Order(5)
    void apiKeyAuthorizedThenSecureDataOk() throws IOException {
        openAuthorizeDialog();
        WebElement apiKey = authContainer("APIKeyHeader");
        apiKey.findElement(By.cssSelector("input[type=text]")).sendKeys("demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c");
        clickButton(apiKey, "Authorize");
        wait.until((d) -> buttonTexts(authContainer("APIKeyHeader")).contains("Logout"));
        closeAuthorizeDialog();
        Response secureData = execute("account-controller-secureData");
        assertThat(secureData.status()).isEqualTo("200");
        assertThat(secureData.body()).contains("sensitive data");
        screenshot("5-api-key-secure-data-200");
    }

    private static WebElement operation(String id) {
        return driver.findElement(By.id("operations-" + id));
    }

    private static void openAuthorizeDialog() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn.authorize")));
        button.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux .auth-container")));
    }

    private static void closeAuthorizeDialog() {
        driver.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    private static WebElement authContainer(String scheme) {
        return driver.findElements(By.cssSelector(".modal-ux .auth-container"))
            .stream()
            .filter((container) -> container.findElement(By.tagName("h4")).getText().startsWith(scheme))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + scheme + " in the Authorize dialog"));
    }

    private static List<String> buttonTexts(WebElement container) {
        return container.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
    }

    private static void clickButton(WebElement container, String text) {
        container.findElements(By.tagName("button"))
            .stream()
            .filter((button) -> button.getText().equals(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + text + " button"))
            .click();
    }

    /** Expands an operation, presses "Try it out" and "Execute", and reads the live response. */
    private static Response execute(String id) {
        WebElement operation = operation(id);
        if (operation.findElements(By.cssSelector("button.execute")).isEmpty()) {
            if (operation.findElements(By.cssSelector("button.try-out__btn")).isEmpty()) {
                operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            }
            WebElement tryOut = wait.until((d) -> operation(id).findElement(By.cssSelector("button.try-out__btn")));
            scrollTo(tryOut);
            tryOut.click();
        }
        WebElement execute = wait.until((d) -> operation(id).findElement(By.cssSelector("button.execute")));
        // Clear a previous response of this operation, so that the one read below is the new one.
        for (WebElement clear : operation(id).findElements(By.cssSelector("button.btn-clear"))) {
            scrollTo(clear);
            clear.click();
            wait.until((d) -> operation(id).findElements(By.cssSelector(".live-responses-table")).isEmpty());
        }
        scrollTo(execute);
        execute.click();
        WebElement status = wait.until((d) -> operation(id)
            .findElement(By.cssSelector(".live-responses-table .response .response-col_status")));
        scrollTo(status);
        String body = operation(id)
            .findElement(By.cssSelector(".live-responses-table .response .response-col_description pre"))
            .getText();
        return new Response(status.getText().strip().split("\\s+")[0], body);
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static void screenshot(String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private record Response(String status, String body) {
    }
}
