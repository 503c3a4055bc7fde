package org.openreferral.application.integration.scratch;

/** Stands in for the integration slice that no main class belongs to yet, for ArchitectureTest's scratch check. */
public class Webhooks {
}
