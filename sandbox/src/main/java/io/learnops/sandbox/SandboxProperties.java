package io.learnops.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code learnops.sandbox.*}: whether the stand-ins are served, the credentials they accept and
 * the shape of the demo organisation. The credentials are public on purpose: the sandbox holds
 * only generated data, and a connector that is pointed at it by mistake must not leak a real
 * secret to it.
 *
 * @param enabled serve the stand-ins under {@code /sandbox}; off unless the app turns it on
 * @param seed fixes the demo organisation, so every start (and every test) sees the same people
 * @param employees size of the demo organisation
 * @param emailDomain domain of the employees' addresses; a reserved {@code .example} domain, so no
 *     mail can ever reach a real person
 */
@ConfigurationProperties("learnops.sandbox")
public record SandboxProperties(boolean enabled, Long seed, Integer employees, String emailDomain,
    Moodle moodle, Scim scim, Xapi xapi, Vendor vendor) {

  public SandboxProperties {
    seed = seed == null ? 20260301L : seed;
    employees = employees == null ? 500 : employees;
    emailDomain = emailDomain == null ? "acme.example" : emailDomain;
    moodle = moodle == null ? new Moodle(null) : moodle;
    scim = scim == null ? new Scim(null) : scim;
    xapi = xapi == null ? new Xapi(null, null) : xapi;
    vendor = vendor == null ? new Vendor(null, null, null) : vendor;
    if (employees < 20) {
      throw new IllegalArgumentException(
          "learnops.sandbox.employees must be at least 20 to give every department a manager");
    }
  }

  /** Defaults for code that builds the sandbox without Spring's binder (tests, tools). */
  public static SandboxProperties defaults() {
    return new SandboxProperties(true, null, null, null, null, null, null, null);
  }

  /** @param token the web-service token accepted as {@code wstoken} */
  public record Moodle(String token) {
    public Moodle {
      token = token == null ? "sandbox-moodle-token" : token;
    }
  }

  /** @param token the bearer token accepted on {@code /Users} */
  public record Scim(String token) {
    public Scim {
      token = token == null ? "sandbox-scim-token" : token;
    }
  }

  /** The LRS client key and secret accepted with Basic auth. */
  public record Xapi(String username, String password) {
    public Xapi {
      username = username == null ? "sandbox-lrs-key" : username;
      password = password == null ? "sandbox-lrs-secret" : password;
    }
  }

  /**
   * @param apiKey the bearer token every demo vendor accepts
   * @param webhookUrl where the vendors send signed {@code quote.ready} callbacks; a path
   *     ({@code /…}) means this app itself; unset sends none
   * @param webhookSecret the Standard Webhooks signing secret, {@code whsec_<base64>}
   */
  public record Vendor(String apiKey, String webhookUrl, String webhookSecret) {
    public Vendor {
      apiKey = apiKey == null ? "sandbox-vendor-key" : apiKey;
      webhookSecret = webhookSecret == null
          ? "whsec_c2FuZGJveC12ZW5kb3Itd2ViaG9vay1zZWNyZXQ=" : webhookSecret;
    }
  }
}
