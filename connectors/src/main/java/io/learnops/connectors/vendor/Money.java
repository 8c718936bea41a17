package io.learnops.connectors.vendor;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency; sent as a decimal string, never as a float. */
public record Money(BigDecimal amount, String currency) {

  public Money {
    Objects.requireNonNull(amount, "amount");
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code");
    }
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }
}
