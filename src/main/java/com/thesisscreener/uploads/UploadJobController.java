package com.thesisscreener.uploads;

import com.thesisscreener.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload jobs over REST: start one, then poll it for rows read, companies screened and elapsed time, then the outcome. */
@RestController
@RequestMapping(path = "/api/v1/uploads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Uploads", description = "Large uploads as jobs with progress: start, poll, then open the stored portfolio")
class UploadJobController {

    private final UploadJobs jobs;

    UploadJobController(UploadJobs jobs) {
        this.jobs = jobs;
    }

    /** A job as clients see it; {@code portfolio} once it is done, {@code problem} when it failed. */
    record JobView(String id, UploadJob.State state, boolean finished, String fileName,
                   int rowsRead, int companiesToScreen, int companiesScreened, long elapsedMillis, Outcome portfolio, Problem problem, Map<String, String> links) {
    }

    record Outcome(long id, String name, int rowsRead, int screened, int rejected, int problems) {
    }

    record Problem(int status, String type, String title, String detail) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "startUpload", summary = "Start importing and screening a portfolio in the background",
            description = "The same import as POST /api/v1/portfolios, for files that take a while: answers 202 at once with the job "
                    + "(Location: its address); poll it until finished is true, then follow links.portfolio.")
    @ApiResponse(responseCode = "202", description = "Accepted; poll the job at Location",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<JobView> start(@RequestPart(name = "file", required = false) MultipartFile file,
                                  @Parameter(description = "portfolio name; defaults to the file name") @RequestParam(required = false) String name,
                                  @Parameter(description = "sheet to read; found automatically when omitted") @RequestParam(required = false) String sheet,
                                  Authentication auth) {
        UploadJob job = jobs.start(file, name, sheet, auth.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/uploads/" + job.id)).body(view(job));
    }

    @GetMapping("/{jobId}")
    @Operation(operationId = "getUpload", summary = "Progress of an upload job, then its outcome",
            description = "state READING counts rowsRead as they are read; SCREENING counts companiesScreened of companiesToScreen as they "
                    + "are screened, then stores them (screened = to screen: storing); "
                    + "DONE with the portfolio, or FAILED with the problem the synchronous upload would have answered. Jobs are kept "
                    + "for an hour after they finish and are visible to the user who started them and to ADMINs.")
    JobView get(@PathVariable String jobId, Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return jobs.find(jobId, auth.getName(), admin).map(this::view)
                .orElseThrow(() -> new NotFoundException("no upload job " + jobId));
    }

    private JobView view(UploadJob job) {
        Outcome outcome = null;
        Map<String, String> links = Map.of("self", "/api/v1/uploads/" + job.id);
        if (job.portfolioId() != null) {
            long id = job.portfolioId();
            outcome = new Outcome(id, job.portfolioName(), job.rowsRead.get(), job.screened(), job.rowsRead.get() - job.screened(),
                    job.problemCount());
            links = Map.of("self", "/api/v1/uploads/" + job.id, "portfolio", "/api/v1/portfolios/" + id,
                    "problems", "/api/v1/portfolios/" + id + "/problems", "page", "/portfolios/" + id);
        }
        UploadJob.Failure failure = job.failure();
        Problem problem = failure == null ? null : new Problem(failure.status(), failure.type(), failure.title(), failure.detail());
        return new JobView(job.id, job.state(), job.finished(), job.fileName, job.rowsRead.get(), job.toScreen(), job.screened(),
                job.elapsedMillis(jobs.clock().instant()), outcome, problem, links);
    }
}
