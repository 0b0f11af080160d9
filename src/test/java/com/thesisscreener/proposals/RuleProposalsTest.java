package com.thesisscreener.proposals;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.database.DatabaseTest;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.web.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two analysts and an ADMIN on one service: an analyst proposes a rule change and sees its impact, cannot approve it
 * herself, a second person approves (which activates it) or rejects it; stale and invalid proposals are refused.
 */
@DatabaseTest
@ServiceTest
class RuleProposalsTest {

    static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;

    /** API keys of the two analysts and a viewer, made once for the class. */
    static String alice;
    static String bob;
    static String viewer;

    @LocalServerPort
    int port;

    @Value("${screener.rules-dir}")
    Path rules;

    @Autowired
    RuleSetHistory history;

    @Autowired
    ActiveRules activeRules;

    RestClient admin;
    RestClient anonymous;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void clients() {
        admin = TestHttp.signedIn(port, "admin", ADMIN_PASSWORD);
        anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        if (alice == null) {
            TestHttp.uploadSample(admin);
            alice = key("alice", "ANALYST");
            bob = key("bob", "ANALYST");
            viewer = key("dashboard", "VIEWER");
        }
    }

    @Test
    void anAnalystProposesAThresholdChangeSeesItsImpactCannotApproveItAndAnAdminsApprovalMakesEveryScreeningUseIt() {
        String base = liveVersion();
        String risks = liveFile("risks.drl");
        int thresholdLine = lineOf(risks, "aheadOfDemandCapex() { return 0.40; }");

        JsonNode proposal = created(post(as(alice), "/api/v1/rules/proposals", Map.of("reason", "Capex ahead of demand from 10%",
                "files", List.of(file("risks.drl", risks.replace("aheadOfDemandCapex() { return 0.40; }", "aheadOfDemandCapex() { return 0.10; }"))))));
        long id = proposal.get("id").asLong();
        assertThat(proposal.get("status").asString()).isEqualTo("DRAFT");
        assertThat(proposal.get("author").asString()).isEqualTo("api-key:alice");
        assertThat(proposal.get("baseVersion").asString()).isEqualTo(base);
        assertThat(proposal.get("validation").get("valid").asBoolean()).isTrue();
        JsonNode change = proposal.get("changes").get(0);
        assertThat(change.get("name").asString()).isEqualTo("risks.drl");
        assertThat(change.get("change").asString()).isEqualTo("EDITED");
        assertThat(diffLines(change.get("diff"), "REMOVED")).containsExactly(thresholdLine + ": function double aheadOfDemandCapex() { return 0.40; }");
        assertThat(diffLines(change.get("diff"), "ADDED")).containsExactly(thresholdLine + ": function double aheadOfDemandCapex() { return 0.10; }");
        JsonNode impact = proposal.get("impact");
        assertThat(impact.get("activeVersion").asString()).isEqualTo(base);
        assertThat(impact.get("candidateVersion").asString()).isEqualTo(proposal.get("candidateVersion").asString());
        JsonNode changed = impact.get("portfolios").get(0).get("changes");
        assertThat(changed).isNotEmpty();
        assertThat(changed.get(0).get("findingsAdded").findValuesAsString("ruleId")).contains("RISK-DEMAND");
        assertThat(changed.get(0).get("scoreAfter").asInt()).isLessThan(changed.get(0).get("scoreBefore").asInt());

        JsonNode before = score(0.37);
        assertThat(before.get("ruleSetVersion").asString()).isEqualTo(base);
        assertThat(before.toString()).doesNotContain("RISK-DEMAND");
        assertThat(ok(post(as(alice), "/api/v1/rules/proposals/" + id + "/submit", null)).get("status").asString()).isEqualTo("SUBMITTED");

        assertProblem(post(as(alice), "/api/v1/rules/proposals/" + id + "/approve", Map.of("comment", "looks right to me")), 403,
                "/problems/forbidden", "a second person must approve it");
        assertProblem(post(as(bob), "/api/v1/rules/proposals/" + id + "/approve", null), 403, "/problems/forbidden", "needs the ADMIN role");
        assertThat(liveVersion()).isEqualTo(base);

        JsonNode approved = ok(post(admin, "/api/v1/rules/proposals/" + id + "/approve", Map.of("comment", "agreed at the Monday meeting")));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("reviewer").asString()).isEqualTo("admin");
        String activated = approved.get("activatedVersion").asString();
        assertThat(activated).isEqualTo(approved.get("candidateVersion").asString()).isNotEqualTo(base);
        assertThat(approved.get("comments").findValuesAsString("text")).contains("agreed at the Monday meeting");

        assertThat(liveVersion()).isEqualTo(activated);
        JsonNode scored = score(0.37);
        assertThat(scored.get("ruleSetVersion").asString()).isEqualTo(activated);
        assertThat(scored.toString()).contains("RISK-DEMAND");
        JsonNode history = get(admin, "/api/v1/rules/versions").get(0);
        assertThat(history.get("version").asString()).isEqualTo(activated);
        assertThat(history.get("route").asString()).isEqualTo("proposal");
        assertThat(history.get("activatedBy").asString()).isEqualTo("admin");
        assertThat(read(rules.resolve("risks.drl"))).contains("aheadOfDemandCapex() { return 0.10; }");
    }

    @Test
    void everyStepOfAProposalIsInTheAuditLogWithWhoDidIt() {
        long id = submitted(alice, "watch-list.drl", "\n// watch list reviewed in the audit test\n", "Audit trail check");
        ok(post(as(bob), "/api/v1/rules/proposals/" + id + "/comments", Map.of("comment", "the watch list needs this")));
        ok(post(admin, "/api/v1/rules/proposals/" + id + "/approve", null));

        String log = get(admin, "/api/v1/audit?limit=50").toString();
        List<String> steps = new ArrayList<>();
        for (JsonNode event : get(admin, "/api/v1/audit?limit=50")) {
            if (event.get("subject").asString().contains("proposal " + id + " ")) {
                steps.add(event.get("actor").asString() + " " + event.get("action").asString());
            }
        }
        assertThat(steps).as(log).contains("api-key:alice rules.proposal.create", "api-key:alice rules.proposal.submit",
                "api-key:bob rules.proposal.comment", "admin rules.proposal.approve");
        assertThat(log).contains("rules.proposal");
    }

    @Test
    void aProposalThatDoesNotValidateIsKeptAsADraftButCannotBeSubmittedUntilItIsCorrected() {
        String risks = liveFile("risks.drl");
        String broken = risks.replace("capexToRevenue >= aheadOfDemandCapex()", "capexToRevenu >= aheadOfDemandCapex()");

        JsonNode draft = created(post(as(alice), "/api/v1/rules/proposals", Map.of("reason", "A typo, on purpose",
                "files", List.of(file("risks.drl", broken)))));
        long id = draft.get("id").asLong();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("validation").get("valid").asBoolean()).isFalse();
        JsonNode error = draft.get("validation").get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("risks.drl");
        assertThat(error.get("line").asInt()).isEqualTo(lineOf(broken, "capexToRevenu >="));
        assertThat(draft.get("impact").isNull()).isTrue();

        ResponseEntity<String> refused = post(as(alice), "/api/v1/rules/proposals/" + id + "/submit", null);
        assertProblem(refused, 422, "/problems/invalid-rules", "does not validate");
        assertThat(json.readTree(refused.getBody()).get("errors").get(0).get("file").asString()).isEqualTo("risks.drl");
        assertProblem(post(admin, "/api/v1/rules/proposals/" + id + "/approve", null), 409, "/problems/proposal-status", "is DRAFT");

        JsonNode corrected = ok(post(as(alice), "/api/v1/rules/proposals/" + id + "/refresh",
                Map.of("files", List.of(file("risks.drl", risks + "\n// corrected\n")))));
        assertThat(corrected.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(ok(post(as(alice), "/api/v1/rules/proposals/" + id + "/submit", null)).get("status").asString()).isEqualTo("SUBMITTED");
        ok(post(admin, "/api/v1/rules/proposals/" + id + "/reject", Map.of("comment", "not needed after all")));
    }

    @Test
    void ofTwoProposalsOnTheSameBaseTheSecondMustBeRefreshedAndKeepsTheFirstChange() {
        String base = liveVersion();
        String risks = liveFile("risks.drl");
        String moat = liveFile("moat.drl");
        long first = submitted(alice, "risks.drl", "\n// first: reviewed risks\n", "First change");
        long second = submitted(bob, "moat.drl", "\n// second: reviewed moat\n", "Second change");
        long clashing = submitted(bob, "risks.drl", "\n// clashing: another risks edit\n", "Clashing change");

        ok(post(admin, "/api/v1/rules/proposals/" + first + "/approve", null));
        String afterFirst = liveVersion();

        JsonNode stale = get(admin, "/api/v1/rules/proposals/" + second);
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("baseVersion").asString()).isEqualTo(base);
        assertThat(stale.get("liveVersion").asString()).isEqualTo(afterFirst);
        assertThat(stale.get("threeWay").findValuesAsString("name")).containsExactly("moat.drl", "risks.drl");
        JsonNode liveSide = stale.get("threeWay").get(1);
        assertThat(liveSide.get("conflict").asBoolean()).isFalse();
        assertThat(diffLines(liveSide.get("liveDiff"), "ADDED")).anyMatch(line -> line.contains("first: reviewed risks"));
        assertProblem(post(admin, "/api/v1/rules/proposals/" + second + "/approve", null), 409, "/problems/stale-proposal", "refresh");
        assertThat(liveVersion()).isEqualTo(afterFirst);

        assertProblem(post(as(alice), "/api/v1/rules/proposals/" + second + "/refresh", null), 403, "/problems/forbidden", "only the author");
        JsonNode refreshed = ok(post(as(bob), "/api/v1/rules/proposals/" + second + "/refresh", null));
        assertThat(refreshed.get("stale").asBoolean()).isFalse();
        assertThat(refreshed.get("baseVersion").asString()).isEqualTo(afterFirst);
        assertThat(refreshed.get("status").asString()).isEqualTo("SUBMITTED");
        String activated = ok(post(admin, "/api/v1/rules/proposals/" + second + "/approve", null)).get("activatedVersion").asString();
        JsonNode version = get(admin, "/api/v1/rules/versions/" + activated);
        assertThat(fileIn(version, "risks.drl")).isEqualTo(risks + "\n// first: reviewed risks\n");
        assertThat(fileIn(version, "moat.drl")).isEqualTo(moat + "\n// second: reviewed moat\n");

        ResponseEntity<String> conflict = post(as(bob), "/api/v1/rules/proposals/" + clashing + "/refresh", null);
        assertProblem(conflict, 409, "/problems/proposal-conflict", "risks.drl");
        assertThat(json.readTree(conflict.getBody()).get("conflicts").get(0).asString()).isEqualTo("risks.drl");
        String resolved = risks + "\n// first: reviewed risks\n\n// clashing: another risks edit\n";
        JsonNode merged = ok(post(as(bob), "/api/v1/rules/proposals/" + clashing + "/refresh", Map.of("files", List.of(file("risks.drl", resolved)))));
        assertThat(merged.get("stale").asBoolean()).isFalse();
        assertThat(merged.get("changes").findValuesAsString("name")).containsExactly("risks.drl");
        ok(post(admin, "/api/v1/rules/proposals/" + clashing + "/approve", null));
        assertThat(fileIn(get(admin, "/api/v1/rules/versions/" + liveVersion()), "moat.drl")).contains("second: reviewed moat");
    }

    @Test
    void withoutSignInNothingIsProposedAViewerOnlyReadsAndARejectionNeedsAReasonFromSomeoneElse() {
        Map<String, Object> body = Map.of("reason", "x", "files", List.of(file("moat.drl", liveFile("moat.drl") + "\n// x\n")));
        assertProblem(post(anonymous, "/api/v1/rules/proposals", body), 401, "/problems/unauthorized", "");
        assertProblem(post(as(viewer), "/api/v1/rules/proposals", body), 403, "/problems/forbidden", "needs ANALYST");
        assertThat(as(viewer).get().uri("/api/v1/rules/proposals").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        assertProblem(post(as(alice), "/api/v1/rules/proposals", Map.of("files", body.get("files"))), 400, "/problems/invalid-request", "reason");
        assertProblem(as(alice).get().uri("/api/v1/rules/proposals/999999").retrieve().toEntity(String.class), 404, "/problems/not-found",
                "no rule proposal 999999");

        long id = submitted(alice, "moat.drl", "\n// to be rejected\n", "Will be rejected");
        assertProblem(post(admin, "/api/v1/rules/proposals/" + id + "/reject", null), 400, "/problems/invalid-request", "why");
        assertProblem(post(as(alice), "/api/v1/rules/proposals/" + id + "/reject", Map.of("comment", "never mind")), 403,
                "/problems/forbidden", "second person");
        JsonNode rejected = ok(post(admin, "/api/v1/rules/proposals/" + id + "/reject", Map.of("comment", "moat comments belong in the thesis")));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("comments").findValuesAsString("kind")).contains("REJECTION");
        assertProblem(post(admin, "/api/v1/rules/proposals/" + id + "/approve", null), 409, "/problems/proposal-status", "is REJECTED");
        assertThat(get(admin, "/api/v1/rules/proposals").findValuesAsString("status")).contains("REJECTED");
    }

    @Test
    void anActivationBasedOnAVersionThatIsNoLongerLiveIsRefusedUnderTheDatabaseLockAndChangesNothing() {
        String live = liveVersion();
        RuleSetHistory.LiveVersionChanged refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetHistory.LiveVersionChanged.class,
                () -> history.activate(activeRules.current(), "proposal", "0000-an-older-version"));
        assertThat(refused.getMessage()).contains("0000-an-older-version", live);
        assertThat(history.liveVersion()).contains(live);
        assertThat(history.activations().get(0).version()).isEqualTo(live);
    }

    private long submitted(String key, String name, String appended, String reason) {
        JsonNode proposal = created(post(as(key), "/api/v1/rules/proposals", Map.of("reason", reason,
                "files", List.of(file(name, liveFile(name) + appended)))));
        long id = proposal.get("id").asLong();
        ok(post(as(key), "/api/v1/rules/proposals/" + id + "/submit", null));
        return id;
    }

    private String key(String name, String role) {
        ResponseEntity<String> made = post(admin, "/api/v1/api-keys", Map.of("name", name, "role", role));
        assertThat(made.getStatusCode().value()).as(made.getBody()).isEqualTo(201);
        return json.readTree(made.getBody()).get("key").asString();
    }

    private RestClient as(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .defaultHeader("X-API-Key", key).build();
    }

    private ResponseEntity<String> post(RestClient client, String uri, Object body) {
        var request = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (body != null) request.body(json.writeValueAsString(body));
        return request.retrieve().toEntity(String.class);
    }

    private JsonNode get(RestClient client, String uri) {
        ResponseEntity<String> answer = client.get().uri(uri).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private JsonNode created(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation().toString()).startsWith("/api/v1/rules/proposals/");
        return json.readTree(answer.getBody());
    }

    private JsonNode ok(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String type, String detail) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(answer.getBody()).isTrue();
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private String liveVersion() {
        return get(admin, "/api/v1/rules").get("activeVersion").asString();
    }

    private String liveFile(String name) {
        return fileIn(get(admin, "/api/v1/rules/versions/" + liveVersion()), name);
    }

    private static String fileIn(JsonNode version, String name) {
        for (JsonNode file : version.get("files")) if (file.get("name").asString().equals(name)) return file.get("content").asString();
        throw new AssertionError(name + " not in " + version.get("version"));
    }

    private JsonNode score(double capexToRevenue) {
        return ok(post(admin, "/api/v1/score", Map.of("ticker", "CPX", "segment", "OTHER", "capexToRevenue", capexToRevenue)));
    }

    /** The diff lines of one kind as "number: text", numbered on the side they are on. */
    private static List<String> diffLines(JsonNode diff, String kind) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : diff) {
            if (!line.get("kind").asString().equals(kind)) continue;
            JsonNode number = kind.equals("ADDED") ? line.get("newLine") : line.get("oldLine");
            lines.add(number.asInt() + ": " + line.get("text").asString());
        }
        return lines;
    }

    private static Map<String, String> file(String name, String content) {
        return Map.of("name", name, "content", content);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not found");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
