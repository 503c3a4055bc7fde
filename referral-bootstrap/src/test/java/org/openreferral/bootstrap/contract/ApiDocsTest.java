package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/** The OpenAPI document, Swagger UI and ReDoc are served by the app itself and describe the whole contract. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ApiDocsTest {

    /** Every operation of ../shared/API.md. */
    private static final List<String> CONTRACT = List.of(
            "POST /api/v1/auth/register", "POST /api/v1/auth/register/{referralCode}", "POST /api/v1/auth/token",
            "POST /api/v1/auth/logout", "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm",
            "POST /api/v1/auth/email-verification", "POST /api/v1/auth/email-verification/confirm",
            "GET /api/v1/users/me", "GET /api/v1/users/{id}", "GET /api/v1/users",
            "POST /api/v1/referral-codes", "GET /api/v1/referral-codes", "GET /api/v1/referral-codes/active",
            "DELETE /api/v1/referral-codes/{code}", "GET /api/v1/referral-codes/lookup",
            "GET /api/v1/users/me/referrals", "GET /api/v1/users/{id}/referrals",
            "GET /api/v1/referral-codes/{code}/referrals", "GET /api/v1/users/me/referral-stats",
            "GET /api/v1/users/me/rewards",
            "GET /api/v1/referrals", "GET /api/v1/referrals/{id}", "POST /api/v1/referrals/{id}/qualify",
            "POST /api/v1/referrals/{id}/approve", "POST /api/v1/referrals/{id}/void",
            "POST /api/v1/clients", "GET /api/v1/clients", "DELETE /api/v1/clients/{id}",
            "POST /api/v1/webhooks", "GET /api/v1/webhooks", "GET /api/v1/webhooks/{id}",
            "PATCH /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}", "POST /api/v1/webhooks/{id}/secret",
            "POST /api/v1/webhooks/{id}/test", "GET /api/v1/webhooks/{id}/deliveries",
            "GET /api/v1/events");

    @Test
    void theDocumentIsServedAtOpenapiAndAtQOpenapiInBothFormats() {
        String yaml = given().when().get("/openapi").then().statusCode(200).extract().asString();
        assertThat(given().when().get("/q/openapi").then().statusCode(200).extract().asString()).isEqualTo(yaml);
        given().when().get("/openapi?format=json").then().statusCode(200)
                .contentType(containsString("json")).body("openapi", org.hamcrest.Matchers.equalTo("3.0.3"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).contentType(containsString("json"));
    }

    @Test
    void theDocumentDescribesExactlyTheContract() {
        assertThat(ServedSpec.fetch().operations().stream().map(ServedSpec.Op::key))
                .containsExactlyInAnyOrderElementsOf(CONTRACT);
    }

    @Test
    void everyOperationHasASummaryATagAndProblemJsonErrors() {
        OpenAPI api = resolved();
        List<String> gaps = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String name = method + " " + path;
            if (op.getSummary() == null || op.getTags() == null || op.getTags().isEmpty()) {
                gaps.add(name + ": no summary or tag");
            }
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    var content = response.getContent();
                    if (content == null || content.get("application/problem+json") == null
                            || !content.get("application/problem+json").getSchema().getProperties().containsKey("code")) {
                        gaps.add(name + " " + status + ": not a problem+json with a code");
                    }
                }
                if (response.getHeaders() == null || !response.getHeaders().containsKey("X-Request-Id")) {
                    gaps.add(name + " " + status + ": X-Request-Id not documented");
                }
            });
            if (secured(op) && !op.getResponses().containsKey("401")) {
                gaps.add(name + ": secured but no 401");
            }
        }));
        assertThat(gaps).isEmpty();
    }

    @Test
    void pagesAreBoundedAsTheContractSays() {
        OpenAPI api = resolved();
        Operation list = api.getPaths().get("/api/v1/referral-codes").getGet();
        Parameter page = list.getParameters().stream().filter(p -> p.getName().equals("page")).findFirst().orElseThrow();
        Parameter size = list.getParameters().stream().filter(p -> p.getName().equals("size")).findFirst().orElseThrow();
        assertThat(page.getSchema().getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(page.getSchema().getDefault()).isEqualTo(1);
        assertThat(size.getSchema().getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(size.getSchema().getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(size.getSchema().getDefault()).isEqualTo(50);
    }

    @Test
    void authorizeUsesTheOauth2PasswordFlowOfTheTokenEndpoint() {
        SecurityScheme oauth2 = resolved().getComponents().getSecuritySchemes().get("oauth2");
        assertThat(oauth2.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(oauth2.getFlows().getPassword().getTokenUrl()).isEqualTo("/api/v1/auth/token");
    }

    @Test
    void theTokenEndpointAcceptsWhatSwaggerUiSendsOnAuthorize() {
        Api.TestUser user = Api.newUser();
        // Swagger UI's password flow: a form with scope (and client id/secret, in the header or the body).
        given().header("Authorization", "Basic Og==").contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("username", user.username())
                .formParam("password", Api.PASSWORD).formParam("scope", "")
                .when().post("/api/v1/auth/token")
                .then().statusCode(200).body("token_type", org.hamcrest.Matchers.equalTo("Bearer"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("username", user.username())
                .formParam("password", Api.PASSWORD).formParam("scope", "")
                .formParam("client_id", "").formParam("client_secret", "")
                .when().post("/api/v1/auth/token")
                .then().statusCode(200);
    }

    @Test
    void swaggerUiIsServedAtDocsFromTheAppItself() {
        String page = given().redirects().follow(true).when().get("/docs").then().statusCode(200)
                .contentType(containsString("html")).extract().asString();
        assertThat(page).contains("swagger-ui").doesNotContain("cdn.", "unpkg.com", "jsdelivr");
        given().when().get("/docs/swagger-ui-bundle.js").then().statusCode(200);
    }

    @Test
    void redocIsServedAtRedocFromTheAppItself() {
        String page = given().when().get("/redoc").then().statusCode(200).contentType(containsString("html"))
                .extract().asString();
        assertThat(page).contains("spec-url=\"/openapi?format=json\"", "src=\"/redoc/redoc.standalone.js\"")
                .doesNotContain("https://");
        byte[] script = given().when().get("/redoc/redoc.standalone.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asByteArray();
        assertThat(script.length).isGreaterThan(100_000);
    }

    private static boolean secured(Operation op) {
        return op.getSecurity() != null && !op.getSecurity().isEmpty();
    }

    private static OpenAPI resolved() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(ServedSpec.fetch().yaml(), null, options).getOpenAPI();
    }
}
