package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.bootstrap.support.PostgresTestResource;

/** One setting, REFERRAL_API_DOCS_ENABLED=false, takes the document, Swagger UI and ReDoc off the air. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ApiDocsSwitchedOffTest.DocsOff.class)
class ApiDocsSwitchedOffTest {

    /** The production switch, as an operator would set it. */
    public static class DocsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("referral.api-docs.enabled", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/openapi", "/q/openapi", "/docs/", "/redoc", "/redoc/redoc.standalone.js"})
    void isGone(String path) {
        given().redirects().follow(false).when().get(path).then().statusCode(404);
    }
}
