package org.openreferral.bootstrap.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** A local HTTP stub that answers like Hunter.io's email verifier (see shared/HUNTER.md). */
public class HunterStub implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "stub-api-key-never-logged";
    static WireMockServer server;

    private Map<String, String> extraConfig = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extraConfig = initArgs;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put("referral.email.hunter.base-url", server.baseUrl());
        config.put("referral.email.hunter.api-key", KEY);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static MappingBuilder verification(String email) {
        return get(urlPathEqualTo("/v2/email-verifier")).withQueryParam("email",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(email));
    }

    static MappingBuilder anyVerification() {
        return get(urlPathEqualTo("/v2/email-verifier"));
    }

    static ResponseDefinitionBuilder verified(String status) {
        return json(200, """
                { "data": { "status": "%s", "result": "risky", "score": 50, "email": "x@example.com",
                            "regexp": true, "gibberish": false, "disposable": null, "webmail": false,
                            "mx_records": true, "smtp_server": true, "smtp_check": true,
                            "accept_all": false, "block": false, "sources": [] },
                  "meta": { "params": { "email": "x@example.com" } } }
                """.formatted(status));
    }

    static ResponseDefinitionBuilder error(int status, String id) {
        return json(status, "{ \"errors\": [ { \"id\": \"" + id + "\", \"code\": " + status + ", \"details\": \"stub\" } ] }");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
