package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Hunter.io's answers as documented in HUNTER.md, for the stub. */
final class HunterAnswers {

    static final String PATH = "/v2/email-verifier";

    private HunterAnswers() {
    }

    static MappingBuilder verifierRequest() {
        return get(urlPathEqualTo(PATH));
    }

    static ResponseDefinitionBuilder verified(String status, String result) {
        return json(200, """
                { "data": { "status": "%s", "result": "%s",
                            "_deprecation_notice": "Using result is deprecated, use status instead",
                            "score": 100, "email": "someone@example.com",
                            "regexp": true, "gibberish": false, "disposable": false, "webmail": false,
                            "mx_records": true, "smtp_server": true, "smtp_check": true,
                            "accept_all": false, "block": false, "sources": [] },
                  "meta": { "params": { "email": "someone@example.com" } } }
                """.formatted(status, result));
    }

    static ResponseDefinitionBuilder resultOnly(String result) {
        return json(200, """
                { "data": { "result": "%s", "score": 40, "email": "someone@example.com",
                            "regexp": true, "gibberish": null, "disposable": null, "webmail": null,
                            "mx_records": null, "smtp_server": null, "smtp_check": null,
                            "accept_all": null, "block": null, "sources": [], "added_later": { "x": 1 } },
                  "meta": { "params": { "email": "someone@example.com" } } }
                """.formatted(result));
    }

    static ResponseDefinitionBuilder error(int status, String id) {
        return json(status, """
                { "errors": [ { "id": "%s", "code": %d, "details": "See the documentation" } ] }
                """.formatted(id, status));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
