package com.thesisscreener.portfolio.web;

import com.thesisscreener.portfolio.UploadedFiles;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.importing.UnreadableFileException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.RankedResult;
import com.thesisscreener.portfolio.ResultPage;
import com.thesisscreener.portfolio.ResultQuery;
import com.thesisscreener.portfolio.RunDiff;
import com.thesisscreener.portfolio.ScreeningRun;
import com.thesisscreener.portfolio.StoredPortfolio;
import com.thesisscreener.report.CsvReport;
import com.thesisscreener.report.Screening;
import com.thesisscreener.report.XlsxReport;
import com.thesisscreener.screening.Band;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.report.JsonReport;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIfAnswers;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Uploading, reading, re-running, comparing and exporting stored portfolios. */
@RestController
@RequestMapping(path = "/api/v1/portfolios", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Portfolios", description = "Upload spreadsheets, read stored results, re-run with the current rules, compare runs, export")
class PortfolioController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int MAX_PORTFOLIOS_PER_PAGE = 100;

    private final PortfolioService portfolios;
    private final UploadedFiles uploads;

    PortfolioController(PortfolioService portfolios, UploadedFiles uploads) {
        this.portfolios = portfolios;
        this.uploads = uploads;
    }

    record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    }

    /**
     * A page of a run's results; {@code count} is the number of items on this page, {@code total} the number of
     * results the filters match.
     *
     * @param items results with their rank, each with {@code whatIf} answers when asked for
     */
    record Results(long portfolioId, long runId, String ruleSetVersion, int page, int size, long total, long totalPages, int count,
                   @ArraySchema(schema = @Schema(implementation = RankedItem.class)) List<?> items,
                   @Schema(description = "pass as 'after' (with the same filters, sort and size) for the next page, found from where "
                           + "this one ended; absent when this page was not full") Integer next) {
    }

    /** A result with its rank in the run, as one flat JSON object. */
    record RankedItem(int rank, @JsonUnwrapped Recommendation result) {
        static RankedItem of(RankedResult ranked) {
            return new RankedItem(ranked.rank(), ranked.result());
        }
    }

    record Problems(long portfolioId, int count, List<RowProblemView> items) {
    }

    record RowProblemView(String sheet, int row, String column, String header, String value, String expected, String message) {
        static RowProblemView of(RowProblem p) {
            return new RowProblemView(p.sheet(), p.row(), p.column(), p.header(), p.value(), p.expected(), p.message());
        }
    }

    record Created(PortfolioSummary portfolio, List<RowProblemView> problems) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadPortfolio", summary = "Upload a portfolio", description = "Imports an .xlsx, .xls or .csv file (part 'file'), screens it with the "
            + "active rules and stores the portfolio, its rows, the row problems and the results, shown only once all of them are stored; "
            + "if storing fails, nothing stays stored. A file with no usable row stores nothing. Answers 201 with a Location header and the import summary.")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The stored portfolio", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "413", description = "The file is larger than the service accepts")
    @ApiResponse(responseCode = "415", description = "Not a spreadsheet, or a format that is not supported")
    @ApiResponse(responseCode = "422", description = "The file cannot be read, or no row could be screened (`problems` lists them)")
    ResponseEntity<Created> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                   @Parameter(description = "portfolio name; defaults to the file name") @RequestParam(required = false) String name,
                                   @Parameter(description = "sheet to read; found automatically when omitted") @RequestParam(required = false) String sheet)
            throws UnreadableFileException {
        if (name != null && name.length() > 200) throw new InvalidRequestException("name is longer than 200 characters", "name");
        PortfolioService.Read read = uploads.store(file, sheet, name);
        PortfolioService.Created created = read.created();
        ImportedPortfolio imported = read.imported();
        PortfolioSummary summary = PortfolioSummary.of(created.portfolio(), PortfolioSummary.Run.of(created.run(), created.bandCounts()),
                created.positionFigures());
        return ResponseEntity.created(URI.create("/api/v1/portfolios/" + created.portfolio().id()))
                .body(new Created(summary, imported.problems().stream().map(RowProblemView::of).toList()));
    }

    @GetMapping
    @Operation(operationId = "listPortfolios", summary = "List portfolios, newest first")
    Page<PortfolioSummary> list(@Parameter(schema = @Schema(minimum = "0", defaultValue = "0"))
                                @RequestParam(defaultValue = "0") int page,
                                @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_PORTFOLIOS_PER_PAGE, defaultValue = "20"))
                                @RequestParam(defaultValue = "20") int size) {
        if (page < 0) throw new InvalidRequestException("page must be 0 or more", "page");
        if (size < 1 || size > MAX_PORTFOLIOS_PER_PAGE) {
            throw new InvalidRequestException("size must be between 1 and " + MAX_PORTFOLIOS_PER_PAGE, "size");
        }
        long total = portfolios.portfolioCount();
        List<PortfolioSummary> items = portfolios.portfolios(page, size).stream().map(this::summary).toList();
        return new Page<>(items, page, size, total, (total + size - 1) / size);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPortfolio", summary = "One portfolio with its latest run")
    PortfolioSummary get(@PathVariable long id) {
        PortfolioSummary summary = summary(portfolios.portfolio(id));
        if (summary.latestRun() == null) return summary;
        PositionFigures book = portfolios.positionFigures(id, portfolios.run(id, summary.latestRun().id()));
        return book == null ? summary : PortfolioSummary.of(portfolios.portfolio(id), summary.latestRun(), book);
    }

    // No body on success; a client that accepts only problem documents (the only body this can send) is served, not refused with 406.
    @DeleteMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(operationId = "deletePortfolio", summary = "Delete a portfolio with its rows, problems, runs and results")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        portfolios.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/results")
    @Operation(operationId = "getPortfolioResults", summary = "A page of a run's results (the latest run unless 'run' is given)", description = "Ranked best first by "
            + "default. sort=rank|ticker|name|segment|band|score|confidence with an optional direction (sort=score,asc); score and "
            + "confidence sort highest first, the others A to Z / best first; ties keep rank order. Filter by band, segment and "
            + "score or confidence ranges (inclusive). page counts from 0; size is 1 to 1000 (default 100). Any page of an unfiltered "
            + "order, or of one band in rank order, is found directly whatever its depth; with other filters, follow 'next' as 'after'.")
    Results results(@PathVariable long id, @RequestParam(required = false) Long run, @RequestParam(required = false) Band band,
                    @RequestParam(required = false) Segment segment, @RequestParam(defaultValue = "rank") String sort,
                    @RequestParam(required = false) Integer minScore, @RequestParam(required = false) Integer maxScore,
                    @RequestParam(required = false) Double minConfidence, @RequestParam(required = false) Double maxConfidence,
                    @Parameter(schema = @Schema(minimum = "0", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
                    @Parameter(schema = @Schema(minimum = "1", maximum = "" + ResultQuery.MAX_SIZE, defaultValue = "100"))
                    @RequestParam(defaultValue = "100") int size,
                    @Parameter(description = "the 'next' of the previous page: the page that follows it (page is then only echoed)")
                    @RequestParam(required = false) Integer after,
                    @Parameter(description = "add \"whatIf\" to every result on the page: the nearest change of each input that moves "
                            + "its band (the run must have been screened with the active rules)") @RequestParam(defaultValue = "false") boolean whatIf) {
        if (page < 0) throw new InvalidRequestException("page must be 0 or more", "page");
        if (size < 1 || size > ResultQuery.MAX_SIZE) throw new InvalidRequestException("size must be between 1 and " + ResultQuery.MAX_SIZE, "size");
        if (after != null && after < 0) throw new InvalidRequestException("after must be the 'next' of an earlier page (0 or more)", "after");
        ResultSortParameter order = ResultSortParameter.parse(sort);
        ScreeningRun screeningRun = portfolios.runOrLatest(id, run);
        ResultPage<RankedResult> results = portfolios.results(screeningRun, new ResultQuery(band, segment, minScore, maxScore,
                minConfidence, maxConfidence, order.sort(), order.direction(), page, size, after));
        List<?> items = whatIf ? withWhatIf(id, screeningRun, results.items()) : results.items().stream().map(RankedItem::of).toList();
        return new Results(id, screeningRun.id(), screeningRun.ruleSetVersion(), results.page(), results.size(), results.total(),
                results.totalPages(), results.items().size(), items, results.next());
    }

    /** The page's results as flat JSON objects with their rank and {@code whatIf} answers (asked for this page's tickers only). */
    private List<ObjectNode> withWhatIf(long id, ScreeningRun run, List<RankedResult> page) {
        Map<String, WhatIfAnswers> answers = portfolios.whatIf(id, run,
                page.stream().map(r -> r.result().ticker()).collect(java.util.stream.Collectors.toSet()));
        return page.stream().map(ranked -> {
            Recommendation r = ranked.result();
            ObjectNode node = JsonReport.withWhatIf(r, answers.containsKey(r.ticker()) ? answers.get(r.ticker()).answers() : List.of());
            node.put("rank", ranked.rank());
            return node;
        }).toList();
    }

    @GetMapping("/{id}/problems")
    @Operation(operationId = "getImportProblems", summary = "Rows of the upload that could not be read, with sheet, row, column, value and what was expected")
    Problems problems(@PathVariable long id) {
        List<RowProblemView> items = portfolios.problems(id).stream().map(RowProblemView::of).toList();
        return new Problems(id, items.size(), items);
    }

    @PostMapping("/{id}/runs")
    @Operation(operationId = "rerunPortfolio", summary = "Screen the stored rows again with the rules active now", description = "Every run keeps its results and rule-set version.")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new run", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "422", description = "The rules did not finish within their bounds; nothing was stored")
    ResponseEntity<PortfolioSummary.Run> rerun(@PathVariable long id) {
        ScreeningRun run = portfolios.rerun(id);
        return ResponseEntity.created(URI.create("/api/v1/portfolios/" + id + "/runs/" + run.id()))
                .body(PortfolioSummary.Run.of(run, portfolios.bandCounts(run)));
    }

    @GetMapping("/{id}/runs")
    @Operation(operationId = "listRuns", summary = "Runs of a portfolio, newest first")
    List<PortfolioSummary.Run> runs(@PathVariable long id) {
        return portfolios.runs(id).stream().map(run -> PortfolioSummary.Run.of(run, portfolios.bandCounts(run))).toList();
    }

    @GetMapping("/{id}/runs/{runId}")
    @Operation(operationId = "getRun", summary = "One run with its band counts")
    PortfolioSummary.Run run(@PathVariable long id, @PathVariable long runId) {
        ScreeningRun run = portfolios.run(id, runId);
        return PortfolioSummary.Run.of(run, portfolios.bandCounts(run));
    }

    @GetMapping("/{id}/runs/{runId}/diff")
    @Operation(operationId = "diffRuns", summary = "What changed between two runs", description = "Companies whose band or score changed from run 'against' to this "
            + "run, and which findings appeared or vanished.")
    RunDiff diff(@PathVariable long id, @PathVariable long runId, @RequestParam long against) {
        return portfolios.diff(id, runId, against);
    }

    @GetMapping(path = "/{id}/report.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(operationId = "downloadReportXlsx", summary = "The run's results as a workbook: ranked sheet with band colours, findings, "
            + "thesis passages by rule id, problems, rule-set version, the book when uploaded with positions", description = "Written "
            + "while the results are read from the database, and sent as it is written.")
    ResponseEntity<StreamingResponseBody> reportXlsx(@PathVariable long id, @RequestParam(required = false) Long run,
                                                     @Parameter(description = "add a 'What if' sheet (the run must use the active rules)")
                                                     @RequestParam(defaultValue = "false") boolean whatIf) {
        Screening screening = portfolios.screening(id, run);
        if (whatIf) {
            // The answers are searched before the response starts, so a refusal is still a problem document.
            Set<String> tickers = new java.util.HashSet<>();
            screening.results().forEachRanked(r -> tickers.add(r.ticker()));
            Map<String, WhatIfAnswers> answers = portfolios.whatIf(id, portfolios.runOrLatest(id, run), tickers);
            return attachment(out -> XlsxReport.write(screening, answers, out), XLSX, reportName(id, "xlsx"));
        }
        return attachment(out -> XlsxReport.write(screening, out), XLSX, reportName(id, "xlsx"));
    }

    @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
    @Operation(operationId = "downloadReportCsv", summary = "The run's ranked results as CSV", description = "Sent row by row as the results are read from the database.")
    ResponseEntity<StreamingResponseBody> reportCsv(@PathVariable long id, @RequestParam(required = false) Long run) {
        Screening screening = portfolios.screening(id, run);
        return attachment(out -> {
            PrintWriter writer = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            CsvReport.write(screening, writer);
            writer.flush();
        }, new MediaType("text", "csv", StandardCharsets.UTF_8), reportName(id, "csv"));
    }

    private PortfolioSummary summary(StoredPortfolio portfolio) {
        List<ScreeningRun> runs = portfolios.runs(portfolio.id());
        PortfolioSummary.Run latest = runs.isEmpty() ? null : PortfolioSummary.Run.of(runs.get(0), portfolios.bandCounts(runs.get(0)));
        return PortfolioSummary.of(portfolio, latest);
    }

    private static String reportName(long id, String extension) {
        return "portfolio-" + id + "-report." + extension;
    }

    private static ResponseEntity<StreamingResponseBody> attachment(StreamingResponseBody body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
