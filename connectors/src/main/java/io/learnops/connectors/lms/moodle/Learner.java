package io.learnops.connectors.lms.moodle;

/** A Moodle user account. */
public record Learner(long id, String username, String firstName, String lastName, String email,
    String idNumber) {
}
