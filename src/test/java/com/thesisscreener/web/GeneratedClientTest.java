package com.thesisscreener.web;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.security.ApiKeys;
import com.thesisscreener.security.Role;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a client generator reads it: the document's promises are checked directly, then
 * openapi-generator (Java, native library; the jar Maven copies to {@code target/tools}) makes a client from
 * {@code /v3/api-docs}, which is compiled with {@code src/test/resources/generated-client/ClientScenario.java}
 * and used against this running service. Generation and compilation happen once per run (about 30 s).
 */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientTest {

    static final Path GENERATOR = Path.of("target/tools/openapi-generator-cli.jar");
    static final Path WORK = Path.of("target/generated-client");
    static final Path SCENARIO = Path.of("src/test/resources/generated-client/ClientScenario.java");
    static final Path SAMPLE = Path.of("sample-data/ai-portfolio.xlsx");

    static JsonNode document;
    static Object scenario;
    static AssertionError setupFailure;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @BeforeEach
    void readTheDocument() {
        if (document == null) {
            String body = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD).get().uri("/v3/api-docs").retrieve().body(String.class);
            document = JsonMapper.builder().build().readTree(body);
        }
    }

    @Test
    @Order(1)
    void everyOperationHasAUniqueDescriptiveIdThatIsNoLanguageKeyword() {
        Set<String> keywords = Set.of("list", "get", "delete", "run", "default", "new", "import", "package", "class");
        List<String> ids = new ArrayList<>();
        operations().forEach(op -> ids.add(op.get("operationId").asString()));
        assertThat(ids).doesNotHaveDuplicates().noneMatch(keywords::contains).allSatisfy(id -> assertThat(id).matches("[a-z]+[A-Z]\\w+"));
        assertThat(ids).contains("uploadPortfolio", "getPortfolioResults", "downloadReportXlsx", "deletePortfolio", "scoreCompany");
    }

    @Test
    @Order(2)
    void downloadsAreBinaryNotBase64Text() {
        for (String path : List.of("/api/v1/portfolios/{id}/report.xlsx", "/api/v1/portfolios/{id}/report.csv", "/api/v1/template.xlsx")) {
            JsonNode content = document.at("/paths/" + escape(path) + "/get/responses/200/content");
            assertThat(content.isEmpty()).as(path + " documents its content").isFalse();
            content.forEach(media -> assertThat(media.at("/schema/format").asString()).as(path).isEqualTo("binary"));
        }
    }

    @Test
    @Order(3)
    void createAndDeleteAreDocumentedAs201WithLocationAnd204() {
        JsonNode upload = document.at("/paths/" + escape("/api/v1/portfolios") + "/post/responses");
        assertThat(upload.has("200")).isFalse();
        assertThat(upload.at("/201/headers/Location").isMissingNode()).isFalse();
        assertThat(upload.at("/201/content/application~1json/schema/$ref").asString()).endsWith("/Created");
        JsonNode delete = document.at("/paths/" + escape("/api/v1/portfolios/{id}") + "/delete/responses");
        assertThat(delete.has("204")).isTrue();
        assertThat(delete.has("200")).isFalse();
    }

    @Test
    @Order(4)
    void everyOperationDocumentsItsProblemAnswersWithTheProblemSchema() {
        operations().forEach(op -> {
            List<String> problems = new ArrayList<>();
            op.get("responses").properties().forEach(e -> {
                if (e.getKey().startsWith("4")) {
                    problems.add(e.getKey());
                    assertThat(e.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as(op.get("operationId").asString() + " " + e.getKey()).endsWith("/ProblemDetail");
                }
            });
            assertThat(problems).as(op.get("operationId").asString()).contains("401", "403");
        });
        JsonNode problem = document.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.has("status") && problem.has("detail") && problem.has("type") && problem.has("field")).isTrue();
    }

    @Test
    @Order(5)
    void rolesBandsAndSegmentsAreEnums() {
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(values(schemas.at("/Role/enum"))).containsExactly("VIEWER", "ANALYST", "ADMIN");
        assertThat(values(schemas.at("/Band/enum"))).containsExactly("STRONG_BUY", "BUY", "HOLD", "REDUCE", "AVOID");
        assertThat(values(schemas.at("/Segment/enum"))).contains("MODEL_PROVIDER", "OTHER");
        assertThat(schemas.at("/NewKey/properties/role/$ref").asString()).endsWith("/Role");
        JsonNode sort = null;
        for (JsonNode parameter : document.at("/paths/" + escape("/api/v1/portfolios/{id}/results") + "/get/parameters")) {
            if (parameter.get("name").asString().equals("sort")) sort = parameter;
        }
        assertThat(values(sort.at("/schema/enum"))).contains("rank", "score", "score,asc", "confidence,desc", "ticker");
    }

    @Test
    @Order(6)
    void pagingParametersDeclareTheRangeTheServiceAccepts() {
        JsonNode size = parameter("/api/v1/portfolios/{id}/results", "size").get("schema");
        assertThat(List.of(size.get("minimum").asInt(), size.get("maximum").asInt(), size.get("default").asInt())).containsExactly(1, 1000, 100);
        assertThat(parameter("/api/v1/portfolios/{id}/results", "page").at("/schema/minimum").asInt()).isZero();
        assertThat(parameter("/api/v1/portfolios", "size").at("/schema/maximum").asInt()).isEqualTo(100);
        assertThat(parameter("/api/v1/audit", "limit").at("/schema/maximum").asInt()).isEqualTo(1000);
    }

    @Test
    @Order(7)
    void onlyTheRestApiIsDocumentedNotTheWorkspacesOwnJson() {
        List<String> paths = new ArrayList<>();
        document.get("paths").properties().forEach(path -> paths.add(path.getKey()));
        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    private static JsonNode parameter(String path, String name) {
        for (JsonNode parameter : document.at("/paths/" + escape(path) + "/get/parameters")) {
            if (parameter.get("name").asString().equals(name)) return parameter;
        }
        throw new AssertionError(path + " documents no parameter " + name);
    }

    @Test
    @Order(10)
    void aGeneratedClientScoresACompany() throws Exception {
        Map<?, ?> scored = (Map<?, ?>) call("scoreOneCompany");
        assertThat(scored.get("band")).isEqualTo("AVOID");
        assertThat(scored.get("firstRule")).isEqualTo("MOAT-NONE");
    }

    @Test
    @Order(11)
    void aGeneratedClientUploadsReadsDownloadsAndDeletes() throws Exception {
        Map<?, ?> created = (Map<?, ?>) call("upload", SAMPLE.toAbsolutePath().toFile(), "Generated client");
        assertThat(created.get("status")).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat((String) created.get("location")).endsWith("/api/v1/portfolios/" + id);
        assertThat(created.get("screened")).isEqualTo(32);

        List<?> bands = (List<?>) call("rankedBands", id);
        assertThat(bands).hasSize(32).first().isEqualTo("STRONG_BUY");

        File report = (File) call("reportXlsx", id);
        try (Workbook workbook = new XSSFWorkbook(report)) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).as("a header and 32 ranked rows").isGreaterThanOrEqualTo(32);
        }
        List<String> csv = Files.readAllLines(((File) call("reportCsv", id)).toPath(), StandardCharsets.UTF_8);
        assertThat(csv).hasSizeGreaterThanOrEqualTo(33);
        assertThat(csv.get(1)).contains("STRONG_BUY");
        try (Workbook template = new XSSFWorkbook((File) call("importTemplate"))) {
            assertThat(template.getNumberOfSheets()).isPositive();
        }

        assertThat(call("delete", id)).isEqualTo(204);
    }

    @Test
    @Order(12)
    void aGeneratedClientReadsAnErrorAsATypedProblemDocument() throws Exception {
        Map<?, ?> problem = (Map<?, ?>) call("problemForMissingPortfolio", 987654L);
        assertThat(problem.get("code")).isEqualTo(404);
        assertThat((String) problem.get("contentType")).startsWith("application/problem+json");
        assertThat(problem.get("status")).isEqualTo(404);
        assertThat(String.valueOf(problem.get("type"))).isEqualTo("/problems/not-found");
        assertThat((String) problem.get("detail")).contains("987654");
    }

    private Stream<JsonNode> operations() {
        List<JsonNode> all = new ArrayList<>();
        document.get("paths").forEach(item -> item.forEach(all::add));
        return all.stream();
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private Object call(String method, Object... args) throws Exception {
        Object client = scenario();
        for (Method m : client.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(client, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new NoSuchMethodException(method);
    }

    /** Generates the client from the live document, compiles it with the scenario, and connects it with an API key. */
    private Object scenario() throws Exception {
        if (scenario != null) return scenario;
        if (setupFailure != null) throw setupFailure; // generate once per run, not once per test
        try {
            return connectedScenario();
        } catch (AssertionError e) {
            setupFailure = e;
            throw e;
        }
    }

    private Object connectedScenario() throws Exception {
        assertThat(GENERATOR).as("the generator jar; Maven copies it in process-test-classes (not with -DskipTests)").exists();
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Path spec = WORK.resolve("openapi.json");
        Files.writeString(spec, document.toString());
        generate(spec, WORK.resolve("client"));
        Path classes = compile(WORK.resolve("client/src/main/java"), WORK.resolve("classes"));
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        String key = keys.create("generated client", Role.ADMIN, "admin").secret();
        scenario = loader.loadClass("com.example.integration.ClientScenario").getConstructor(String.class, String.class)
                .newInstance("http://localhost:" + port, key);
        return scenario;
    }

    private static void generate(Path spec, Path out) throws IOException, InterruptedException {
        Path log = WORK.resolve("generator.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                GENERATOR.toString(), "generate", "-i", spec.toString(), "-g", "java", "--library", "native", "-o", out.toString(),
                "--global-property", "apis,models,supportingFiles,apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
                "--additional-properties", "useJakartaEe=true,useSingleRequestParameter=true,hideGenerationTimestamp=true,"
                        + "invokerPackage=com.thesisscreener.client,apiPackage=com.thesisscreener.client.api,"
                        + "modelPackage=com.thesisscreener.client.model")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) process.destroyForcibly();
        assertThat(done && process.exitValue() == 0).as("openapi-generator succeeded; see " + log.toAbsolutePath()).isTrue();
    }

    private static Path compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        files.add(SCENARIO.toString());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "-nowarn", "-proc:none", "-encoding", "UTF-8"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as("the generated client and the scenario compile:\n" + errors.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
