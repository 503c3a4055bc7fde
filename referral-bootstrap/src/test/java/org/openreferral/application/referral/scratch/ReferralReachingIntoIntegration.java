package org.openreferral.application.referral.scratch;

import org.openreferral.application.integration.scratch.Webhooks;

/** A deliberate slice violation (referral using the integration slice) that ArchitectureTest must catch. */
public class ReferralReachingIntoIntegration {

    Webhooks webhooks;
}
