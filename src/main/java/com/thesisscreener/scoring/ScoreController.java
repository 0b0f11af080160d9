package com.thesisscreener.scoring;

import com.thesisscreener.report.JsonReport;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.web.InvalidRequestException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/score} and {@code /score/batch}: scoring without storing anything. */
@RestController
@RequestMapping(path = "/api/v1/score", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Scoring", description = "Score company records with the active rules; nothing is stored")
class ScoreController {

    private final ActiveRules rules;
    private final Validator validator;
    private final ScoringSettings properties;
    /** Looked up once: a registry lookup on every call costs more than some of the scoring. */
    private final Timer latency;
    private final Counter scored;

    ScoreController(ActiveRules rules, Validator validator, ScoringSettings properties, MeterRegistry meters) {
        this.rules = rules;
        this.validator = validator;
        this.properties = properties;
        this.latency = meters.timer("screener.score.latency");
        this.scored = meters.counter("screener.companies.scored");
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "scoreCompany", summary = "Score one company", description = "One company record in, one recommendation out: score, band, "
            + "confidence, findings (rule id, points, sentence, thesis passage), caps, derived figures, tests not run, rule-set version.")
    @ApiResponse(responseCode = "200", description = "The recommendation (with \"whatIf\" when asked for)",
            content = @Content(schema = @Schema(implementation = Recommendation.class)))
    @ApiResponse(responseCode = "422", description = "The rules did not finish within their bounds for this record")
    Object score(@RequestBody CompanyRecord record,
                 @Parameter(description = "add \"whatIf\": the nearest change of each input that moves the band")
                 @RequestParam(defaultValue = "false") boolean whatIf) {
        Company company = valid(record, "");
        List<Company> companies = List.of(company);
        return whatIf ? withWhatIf(companies).get(0) : screen(companies).get(0);
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "scoreCompanies", summary = "Score a batch of companies", description = "A JSON array of company records (at most screener.batch-limit, "
            + "10,000 by default); results come back in input order, all scored with the same rule-set version.")
    @ApiResponse(responseCode = "200", description = "One recommendation per record, in input order (with \"whatIf\" when asked for)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Recommendation.class))))
    @ApiResponse(responseCode = "422", description = "The rules did not finish within their bounds for a record")
    List<?> scoreBatch(@RequestBody List<CompanyRecord> records,
                       @Parameter(description = "add \"whatIf\" to every result")
                       @RequestParam(defaultValue = "false") boolean whatIf) {
        if (records.isEmpty()) throw new InvalidRequestException("the batch is empty; send a JSON array of company records", null);
        if (records.size() > properties.batchLimit()) {
            throw new InvalidRequestException("the batch holds " + records.size() + " records; the limit is " + properties.batchLimit()
                    + " per call (screener.batch-limit): split it", null);
        }
        List<Company> companies = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) throw new InvalidRequestException("record [" + i + "] is null", "[" + i + "]");
            companies.add(valid(records.get(i), "[" + i + "]."));
        }
        return whatIf ? withWhatIf(companies) : screen(companies);
    }

    /** Results with their what-if answers, all from one rule set. */
    private List<ObjectNode> withWhatIf(List<Company> companies) {
        RuleSet active = rules.current();
        List<Recommendation> results = latency.record(() -> active.screener().screen(companies));
        scored.increment(companies.size());
        List<List<WhatIf>> answers = WhatIfRules.searchFor(active).findAll(companies);
        List<ObjectNode> out = new ArrayList<>(companies.size());
        for (int i = 0; i < companies.size(); i++) out.add(JsonReport.withWhatIf(results.get(i), answers.get(i)));
        return out;
    }

    private List<Recommendation> screen(List<Company> companies) {
        List<Recommendation> results = latency.record(() -> rules.current().screener().screen(companies));
        scored.increment(companies.size());
        return results;
    }

    /** Checks ranges and required fields, naming the first bad field of the record. */
    private Company valid(CompanyRecord record, String path) {
        var violations = validator.validate(record);
        if (!violations.isEmpty()) {
            ConstraintViolation<CompanyRecord> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String field = path + first.getPropertyPath();
            throw new InvalidRequestException(field + " " + first.getMessage() + " (was " + first.getInvalidValue() + ")", field);
        }
        return record.toCompany(path);
    }
}
