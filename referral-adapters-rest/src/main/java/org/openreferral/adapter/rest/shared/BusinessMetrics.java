package org.openreferral.adapter.rest.shared;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.openreferral.adapter.rest.account.AuthResource;
import org.openreferral.adapter.rest.account.dto.UserResponse;
import org.openreferral.adapter.rest.referral.ReferralCodeResource;

/**
 * Business counters read off the API's answers: registrations and referrals, public lookups by outcome,
 * failed logins and rate-limit rejections. HTTP timings come from Micrometer's own HTTP binder.
 */
public class BusinessMetrics {

    private final MeterRegistry meters;

    BusinessMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || resource.getMethodName() == null) {
            return;
        }
        int status = response.getStatus();
        if (status == 429) {
            meters.counter("referral.rate.limit.rejections", "operation", resource.getMethodName()).increment();
            return;
        }
        Class<?> type = resource.getResourceClass();
        String method = resource.getMethodName();
        if (type == AuthResource.class && method.startsWith("register") && status == 201) {
            boolean referred = response.getEntity() instanceof UserResponse user && user.referredBy() != null;
            meters.counter("referral.registrations", "referred", Boolean.toString(referred)).increment();
            if (referred) {
                meters.counter("referral.referrals").increment();
            }
        } else if (type == AuthResource.class && method.startsWith("token") && status == 401) {
            meters.counter("referral.login.failures").increment();
        } else if (type == ReferralCodeResource.class && method.equals("lookup")) {
            String outcome = status == 200 ? "found" : status == 404 ? "not_found" : "rejected";
            meters.counter("referral.code.lookups", "outcome", outcome).increment();
        }
    }
}
