package io.learnops.sandbox;

import io.learnops.connectors.hris.scim.ScimClient;
import io.learnops.connectors.hris.scim.ScimSettings;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.MoodleSettings;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.connectors.lms.xapi.XapiSettings;
import io.learnops.connectors.vendor.VendorClient;
import io.learnops.connectors.vendor.VendorSettings;
import io.learnops.sandbox.admin.SandboxReset;
import io.learnops.sandbox.testapp.SandboxTestApplication;
import io.learnops.sandbox.testapp.VendorWebhookSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the contract tests: the test app on a random port with the sandbox on, and the real
 * connector clients pointed at it, as the app's configuration will point them. Retries do not
 * wait: the runtime records the delays instead. Every test starts from a reset sandbox.
 */
@SpringBootTest(classes = SandboxTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"learnops.sandbox.enabled=true",
        "learnops.sandbox.vendor.webhook-url=" + VendorWebhookSink.PATH})
public abstract class SandboxContractTest {

  protected static final int ATTEMPTS = 3;
  protected static final String MOODLE_TOKEN = "sandbox-moodle-token";
  protected static final String SCIM_TOKEN = "sandbox-scim-token";
  protected static final String LRS_KEY = "sandbox-lrs-key";
  protected static final String LRS_SECRET = "sandbox-lrs-secret";
  protected static final String VENDOR_KEY = "sandbox-vendor-key";

  @LocalServerPort
  protected int port;

  @Autowired
  private SandboxReset reset;

  /** The delays the clients would have slept between retries. */
  protected final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void resetSandbox() {
    reset.reset();
  }

  protected URI base(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  protected MoodleClient moodle() {
    return moodle(MOODLE_TOKEN);
  }

  protected MoodleClient moodle(String token) {
    return new MoodleClient(new MoodleSettings(base("/sandbox/moodle"), token, timeouts(),
        retries()), runtime());
  }

  protected ScimClient scim() {
    return scim(SCIM_TOKEN, 100);
  }

  protected ScimClient scim(String token, int pageSize) {
    return new ScimClient(new ScimSettings(base("/sandbox/scim/v2/"), token, timeouts(),
        retries(), pageSize), runtime());
  }

  protected XapiClient xapi() {
    return xapi(LRS_SECRET);
  }

  protected XapiClient xapi(String secret) {
    return new XapiClient(new XapiSettings(base("/sandbox/xapi/"), LRS_KEY, secret, timeouts(),
        retries()), runtime());
  }

  protected VendorClient vendor(String vendorId) {
    return vendor(vendorId, VENDOR_KEY);
  }

  protected VendorClient vendor(String vendorId, String apiKey) {
    return new VendorClient(new VendorSettings(base("/sandbox/vendors/" + vendorId + "/"),
        apiKey, timeouts(), retries()), runtime());
  }

  private ConnectorRuntime runtime() {
    return new ConnectorRuntime(Clock.systemUTC(), sleeps::add, () -> 0.0);
  }

  private static RetryPolicy retries() {
    return new RetryPolicy(ATTEMPTS, Duration.ofMillis(10), 2.0, Duration.ofMillis(40), 0.0,
        Duration.ofSeconds(30));
  }

  private static Timeouts timeouts() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }
}
