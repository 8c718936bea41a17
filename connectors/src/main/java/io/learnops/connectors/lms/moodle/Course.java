package io.learnops.connectors.lms.moodle;

/** A Moodle course as far as LearnOps cares. */
public record Course(long id, String shortName, String fullName, String idNumber,
    long categoryId) {
}
