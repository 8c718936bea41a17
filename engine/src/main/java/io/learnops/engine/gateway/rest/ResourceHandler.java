package io.learnops.engine.gateway.rest;

import java.util.List;

/** The endpoints of one REST resource family, e.g. everything under {@code /v2/jobs}. */
interface ResourceHandler {
  List<Route> routes();
}
