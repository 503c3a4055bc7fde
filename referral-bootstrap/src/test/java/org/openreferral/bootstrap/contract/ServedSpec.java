package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cornutum.tcases.openapi.ModelOptions;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.openapi.test.ResponseValidator;
import org.cornutum.tcases.openapi.test.ResponsesDef;
import org.cornutum.tcases.resolve.ResolverContext;

/** The OpenAPI document as the running application serves it at {@code /openapi}, and what Tcases makes of it. */
final class ServedSpec {

    /** One operation of the document. */
    record Op(String method, String path, boolean secured) {

        String key() {
            return method + " " + path;
        }
    }

    private final String yaml;
    private final OpenAPI api;

    private ServedSpec(String yaml) {
        this.yaml = yaml;
        this.api = new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
    }

    /** Fetches the document from the running application (the one under test, not the source file). */
    static ServedSpec fetch() {
        return new ServedSpec(given().accept("application/yaml").when().get("/openapi")
                .then().statusCode(200).extract().asString());
    }

    String yaml() {
        return yaml;
    }

    /** Tcases' request cases for every operation: valid ones and one per way an input can be invalid. */
    List<RequestCase> requestCases(long seed) {
        var tests = TcasesOpenApiIO.getRequestTests(stream(), "yaml", new ModelOptions());
        ResolverContext context = new ResolverContext();
        context.setRandom(new Random(seed));
        return RequestCases.getRequestCases(tests, context).getRequestCases();
    }

    /** Tcases' validator of responses against the document (status, content type, body schema, headers). */
    ResponseValidator responseValidator() {
        ResponsesDef responses = TcasesOpenApiIO.getResponsesDef(stream(), "yaml");
        StringWriter json = new StringWriter();
        ResponsesDef.write(responses, json);
        return new ResponseValidator(new StringReader(json.toString()));
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                boolean secured = op.getValue().getSecurity() != null && !op.getValue().getSecurity().isEmpty();
                ops.add(new Op(op.getKey().name(), path.getKey(), secured));
            }
        }
        return ops;
    }

    /** Whether the operation's query parameter {@code name} is declared as a string (a $ref'd one is not). */
    boolean isTextQueryParameter(String method, String path, String name) {
        PathItem item = api.getPaths().get(path);
        Operation operation = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase()));
        if (operation == null || operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream()
                .anyMatch(parameter -> "query".equals(parameter.getIn()) && name.equals(parameter.getName())
                        && parameter.getSchema() != null && "string".equals(parameter.getSchema().getType()));
    }

    private ByteArrayInputStream stream() {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
