package io.learnops.sandbox.moodle;

/** A user account in the stand-in. */
public record MoodleUser(long id, String username, String firstName, String lastName, String email,
    String idNumber, String auth) {

  public String fullName() {
    return firstName + " " + lastName;
  }
}
