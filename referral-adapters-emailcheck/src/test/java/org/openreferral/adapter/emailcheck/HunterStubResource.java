package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a WireMock server standing in for Hunter.io and points the adapter (with a test key) at it. */
public class HunterStubResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "hk-test-4f1c0a9e7b2d";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "referral.email.hunter.base-url", server.baseUrl(),
                "referral.email.hunter.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMockServer server() {
        return server;
    }
}
