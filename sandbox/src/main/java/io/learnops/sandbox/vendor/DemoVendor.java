package io.learnops.sandbox.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * A demo training vendor and how it prices: a fixed fee plus a price per participant, in the
 * currencies it invoices, up to a maximum class size.
 */
public record DemoVendor(String id, String name, BigDecimal fixedFee, BigDecimal perParticipant,
    Set<String> currencies, int maxParticipants, int quoteValidityDays) {

  /** The three vendors of the sandbox; their ids are the last path segment of the base URL. */
  public static List<DemoVendor> all() {
    return List.of(
        new DemoVendor("brightpath-learning", "BrightPath Learning", new BigDecimal("0.00"),
            new BigDecimal("380.00"), Set.of("EUR", "USD", "GBP"), 250, 30),
        new DemoVendor("northwind-academy", "Northwind Academy", new BigDecimal("1500.00"),
            new BigDecimal("290.00"), Set.of("EUR", "USD"), 120, 14),
        new DemoVendor("skillforge", "SkillForge Workshops", new BigDecimal("4800.00"),
            new BigDecimal("95.00"), Set.of("EUR"), 40, 45));
  }

  BigDecimal price(int participants) {
    return fixedFee.add(perParticipant.multiply(BigDecimal.valueOf(participants)))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
