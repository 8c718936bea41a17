package io.learnops.sandbox.admin;

import io.learnops.sandbox.moodle.MoodleState;
import io.learnops.sandbox.vendor.VendorState;
import io.learnops.sandbox.xapi.StatementStore;

/** Puts every stand-in back to its seeded start; the demo organisation never changes. */
public final class SandboxReset {

  private final MoodleState moodle;
  private final StatementStore lrs;
  private final VendorState vendors;
  private final OutageSwitch outages;

  public SandboxReset(MoodleState moodle, StatementStore lrs, VendorState vendors,
      OutageSwitch outages) {
    this.moodle = moodle;
    this.lrs = lrs;
    this.vendors = vendors;
    this.outages = outages;
  }

  public void reset() {
    outages.endAll();
    moodle.reset();
    lrs.clear();
    vendors.clear();
  }
}
