package com.thesisscreener.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and introduction, and what every operation shares so generated clients can trust it:
 * errors as {@code application/problem+json} with one {@code ProblemDetail} schema, downloads as binary, and no
 * stray 200 beside a documented 201 or 204. Endpoints describe themselves (ids, summaries, special statuses) with
 * annotations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        // Bands, segments and roles become named schemas, so a generated client has one Band type, not one per field.
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI screenerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Thesis Screener API")
                .version("v1")
                .description("Scores companies against the investment thesis encoded in the rule files. Every result carries its "
                        + "findings (rule id, points, sentence, thesis passage) and the version of the rule set that produced it. "
                        + "Errors are RFC 9457 problem documents (application/problem+json, schema ProblemDetail): read `detail` "
                        + "for what to do and `field` for the offending input when there is one. Sign in with an API key "
                        + "(X-API-Key header) or HTTP Basic."));
    }

    @Bean
    OpenApiCustomizer clientsCanTrustTheDocument() {
        return OpenApiConfiguration::complete;
    }

    static void complete(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (api.getPaths() == null) return;
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (responses.containsKey("201") || responses.containsKey("204")) responses.remove("200");
            downloadsAreBinary(responses);
            addCommonProblems(path, method, operation, responses);
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) response.setContent(problemContent());
            });
            sort(operation);
        }));
    }

    /** A workbook or CSV is bytes on the wire: {@code format: binary}, never base64 text. */
    private static void downloadsAreBinary(ApiResponses responses) {
        responses.values().stream().filter(r -> r.getContent() != null).forEach(response ->
                response.getContent().forEach((type, media) -> {
                    if (!type.contains("json")) media.setSchema(new StringSchema().format("binary"));
                }));
    }

    /** The answers any operation can give: who may call it, what it was sent, what it names. */
    private static void addCommonProblems(String path, PathItem.HttpMethod method, Operation operation, ApiResponses responses) {
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) responses.putIfAbsent("400", problem("The request is not valid: `detail` says why, `field` names the input"));
        responses.putIfAbsent("401", problem("No credentials, or wrong ones: send an API key (X-API-Key) or HTTP Basic"));
        responses.putIfAbsent("403", problem("The caller's role does not allow this (`requiredRole` names the one needed)"));
        if (path.contains("{")) responses.putIfAbsent("404", problem("Nothing with this id exists"));
        responses.putIfAbsent("500", problem("Unexpected error on the service's side; it is logged and nothing was stored"));
    }

    private static void sort(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses ordered = new ApiResponses();
        sorted.forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** RFC 9457 with the members this service adds; further members may appear (e.g. {@code errors} for rules). */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> problem = new ObjectSchema()
                .description("An RFC 9457 problem document. Extra members depend on the problem type.")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem, e.g. /problems/not-found"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request and what to do"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("field", new StringSchema().description("The request field or parameter at fault, when there is one"))
                .addProperty("reason", new StringSchema().description("Why a file could not be imported (unreadable-file problems)"))
                .addProperty("requiredRole", new StringSchema().description("The role an operation needs (forbidden problems)"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
