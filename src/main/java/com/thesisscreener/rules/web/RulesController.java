package com.thesisscreener.rules.web;

import com.thesisscreener.web.Problems;
import com.thesisscreener.rules.RuleImpact;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.UploadedRuleFiles;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesStatus;
import com.thesisscreener.rules.ValidationReport;
import com.thesisscreener.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** What is live, reloading, validating and previewing rule edits, and the version history. */
@RestController
@RequestMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rules", description = "The rule files: active version, reload, validation, impact preview, version history")
class RulesController {

    private static final int PREVIEW_PORTFOLIOS = RuleImpact.PREVIEW_PORTFOLIOS;

    private final ActiveRules rules;
    private final RuleSetHistory history;
    private final RuleImpact impact;
    private final RuleEditing editing = new RuleEditing();

    RulesController(ActiveRules rules, RuleSetHistory history, RuleImpact impact) {
        this.rules = rules;
        this.history = history;
        this.impact = impact;
    }

    record Validation(boolean valid, String version, int ruleCount, List<RuleError> errors, List<RuleError> warnings) {
        static Validation of(ValidationReport report) {
            return new Validation(report.valid(), report.version(), report.ruleCount(), report.errors(), report.warnings());
        }
    }

    /** A candidate that does not compile: answered as a problem document listing every error. */
    static class InvalidRulesException extends RuntimeException {
        final transient ValidationReport report;

        InvalidRulesException(String message, ValidationReport report) {
            super(message);
            this.report = report;
        }
    }

    @GetMapping
    @Operation(operationId = "getRulesStatus", summary = "The active rule set and the last load of the rules folder", description = "When the last edit failed to "
            + "compile, lastAttempt lists its errors (file:line:column) while the active set keeps serving.")
    RulesStatus status() {
        return rules.status();
    }

    @PostMapping("/reload")
    @Operation(operationId = "reloadRules", summary = "Load the rules folder now", description = "Validates and compiles the folder off to the side and swaps it in; "
            + "on failure the last good set keeps serving and the answer is a 422 problem listing the errors.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "The folder does not compile; the last good set keeps serving: `errors` lists each (file, line, column, message)")
    RulesStatus.Attempt reload() {
        RulesStatus.Attempt attempt = rules.reload();
        if (!attempt.errors().isEmpty()) {
            throw new InvalidRulesException("the rules folder does not compile; still serving " + rules.current().version(),
                    new ValidationReport(attempt.version(), List.of(), attempt.errors(), attempt.warnings(), null));
        }
        return attempt;
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "validateRules", summary = "Validate rule files sent as JSON", description = "{\"files\":[{\"name\":\"moat.drl\",\"content\":\"...\"}]}: "
            + "laid over the active files by name (replace=true to check only the files sent). Nothing is activated. "
            + "200 when valid, 422 problem with every error when not; warnings in both.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "The files do not compile: `errors` lists each (file, line, column, message)")
    Validation validateJson(@RequestBody CandidateRules candidate) {
        return validated(candidate(candidate.ruleFiles(), candidate.replacesAll()));
    }

    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "validateRules", summary = "Validate uploaded rule files (parts named 'files'), laid over the active files by name")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "The files do not compile: `errors` lists each (file, line, column, message)")
    Validation validateUpload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                              @RequestParam(defaultValue = "false") boolean replace) {
        return validated(candidate(read(files), replace));
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "previewRuleEdit", summary = "Preview what a rule edit would change", description = "Screens stored portfolios (portfolioId, or the "
            + PREVIEW_PORTFOLIOS + " newest) with the candidate beside the active set: which companies would change band or score, "
            + "and which findings would appear or vanish. Nothing is activated.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "The files do not compile: `errors` lists each (file, line, column, message)")
    RuleImpact.Preview previewJson(@RequestBody CandidateRules candidate, @RequestParam(required = false) Long portfolioId) {
        return preview(candidate(candidate.ruleFiles(), candidate.replacesAll()), portfolioId);
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "previewRuleEdit", summary = "Preview uploaded rule files (parts named 'files') against stored portfolios")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "The files do not compile: `errors` lists each (file, line, column, message)")
    RuleImpact.Preview previewUpload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                          @RequestParam(defaultValue = "false") boolean replace, @RequestParam(required = false) Long portfolioId) {
        return preview(candidate(read(files), replace), portfolioId);
    }

    @PostMapping(path = "/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "activateRules", summary = "Activate rule files sent as JSON (ADMIN)", description = "Laid over the live files by name as for validate "
            + "(replace=true to send the whole set); validated, made live for every instance on the database, and written into "
            + "the rules folder. 422 problem with every error when they do not compile; the live set keeps serving.")
    RulesStatus.Attempt activateJson(@RequestBody CandidateRules candidate) {
        return activated(RuleEditing.merge(rules.current().files(), candidate.ruleFiles(), candidate.replacesAll()));
    }

    @PostMapping(path = "/activate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "activateRuleFiles", summary = "Activate uploaded rule files (parts named 'files'), laid over the live files by name (ADMIN)")
    RulesStatus.Attempt activateUpload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                                       @RequestParam(defaultValue = "false") boolean replace) {
        return activated(RuleEditing.merge(rules.current().files(), read(files), replace));
    }

    private RulesStatus.Attempt activated(List<RuleFile> files) {
        RulesStatus.Attempt attempt = rules.activate(files, "upload");
        if (!attempt.errors().isEmpty()) {
            throw new InvalidRulesException("the rule files were not activated; still serving " + rules.current().version(),
                    new ValidationReport(attempt.version(), List.of(), attempt.errors(), attempt.warnings(), null));
        }
        return attempt;
    }

    @GetMapping("/versions")
    @Operation(operationId = "listRuleVersions", summary = "Every activation of a rule set, newest first, with what changed")
    List<RuleSetHistory.Activation> versions() {
        return history.activations();
    }

    @GetMapping("/versions/{version}")
    @Operation(operationId = "getRuleVersion", summary = "One stored rule-set version with the content of each file", description = "Every result names the version "
            + "that produced it; this shows the rules as they were then. Decision tables come back base64-encoded.")
    ResponseEntity<RuleSetHistory.Version> version(@PathVariable String version) {
        return history.version(version).map(ResponseEntity::ok)
                .orElseThrow(() -> new com.thesisscreener.web.NotFoundException("no rule-set version " + version));
    }

    @PostMapping("/versions/{version}/restore")
    @Operation(operationId = "restoreRuleVersion", summary = "Roll back to a stored version", description = "Makes that version's files "
            + "live again for every instance and writes them into the rules folder (rule files it did not have are removed); the "
            + "rollback is itself recorded as an activation.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "That version no longer compiles; the active set keeps serving: `errors` lists each (file, line, column, message)")
    RulesStatus.Attempt restore(@PathVariable String version) {
        RuleSetHistory.Version stored = history.version(version)
                .orElseThrow(() -> new com.thesisscreener.web.NotFoundException("no rule-set version " + version));
        RulesStatus.Attempt attempt = rules.restore(stored.ruleFiles());
        if (!attempt.errors().isEmpty()) {
            throw new InvalidRulesException("version " + version + " no longer compiles; still serving " + rules.current().version(),
                    new ValidationReport(attempt.version(), List.of(), attempt.errors(), attempt.warnings(), null));
        }
        return attempt;
    }

    @ExceptionHandler(InvalidRulesException.class)
    ProblemDetail invalidRules(InvalidRulesException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rules", "The rules do not compile", e.getMessage() + ": "
                + e.report.errors().stream().limit(3).map(RuleError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setProperty("errors", e.report.errors());
        problem.setProperty("warnings", e.report.warnings());
        return problem;
    }

    private ValidationReport candidate(List<RuleFile> sent, boolean replace) {
        return editing.check(RuleEditing.merge(rules.current().files(), sent, replace));
    }

    private Validation validated(ValidationReport report) {
        if (!report.valid()) throw new InvalidRulesException("the rule files do not compile", report);
        return Validation.of(report);
    }

    private RuleImpact.Preview preview(ValidationReport report, Long portfolioId) {
        validated(report);
        return impact.preview(report.compiled(), report.warnings(), portfolioId);
    }

    private static List<RuleFile> read(List<MultipartFile> files) {
        List<RuleFile> read = UploadedRuleFiles.read(files);
        if (read.isEmpty()) throw new InvalidRequestException("send rule files as parts named 'files'", "files");
        return read;
    }
}
