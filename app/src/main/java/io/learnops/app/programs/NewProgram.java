package io.learnops.app.programs;

import java.math.BigDecimal;

/** What intake needs to register a program; validated at the API. */
public record NewProgram(
    String title,
    String requester,
    String businessUnit,
    int audienceSize,
    BigDecimal budget,
    boolean compliance) {}
