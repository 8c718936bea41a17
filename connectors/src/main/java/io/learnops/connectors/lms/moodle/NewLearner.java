package io.learnops.connectors.lms.moodle;

import java.util.Objects;

/**
 * A user account to create. With {@code auth = "manual"} Moodle generates and mails a password;
 * SSO sites pass their plugin name (e.g. {@code oauth2}, {@code saml2}).
 *
 * @param idNumber the HRIS employee number, so accounts can be matched to employees
 */
public record NewLearner(String username, String firstName, String lastName, String email,
    String idNumber, String auth) {

  public NewLearner {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    idNumber = idNumber == null ? "" : idNumber;
    auth = auth == null || auth.isBlank() ? "manual" : auth;
  }
}
