package io.learnops.app.delivery;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The approved vendors ({@code learnops.vendors[i].*}). An empty {@code topics} or
 * {@code formats} list means any.
 */
@ConfigurationProperties("learnops")
public record VendorProperties(@DefaultValue List<Vendor> vendors) {

  public record Vendor(String id, String name, String contact, @DefaultValue List<String> topics,
      @DefaultValue List<String> formats) {
  }
}
