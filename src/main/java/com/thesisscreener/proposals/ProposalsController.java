package com.thesisscreener.proposals;

import com.thesisscreener.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
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

/** Rule proposals over REST: propose, submit, refresh, comment, approve (which activates) and reject. */
@RestController
@RequestMapping(path = "/api/v1/rules/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rule proposals", description = "Rule changes proposed by an analyst, with validation and impact, approved by a second person")
class ProposalsController {

    private final Proposals proposals;

    ProposalsController(Proposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "proposeRuleFiles", summary = "Propose rule files sent as JSON (ANALYST)", description = "{\"reason\":\"...\",\"files\":[{\"name\":\"moat.drl\","
            + "\"content\":\"...\"}]}: laid over the live files by name (replace=true for the whole set), validated and previewed on stored "
            + "portfolios, saved as a DRAFT even when it does not validate. 201 with the proposal.")
    ResponseEntity<Proposal> createJson(@RequestBody ProposalRequests.NewProposal body) {
        return created(proposals.create(body.reason(), ProposalRequests.ruleFiles(body.files()), Boolean.TRUE.equals(body.replace())));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "proposeRuleFiles", summary = "Propose uploaded rule files (parts named 'files') with a reason (ANALYST)")
    ResponseEntity<Proposal> createUpload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                                          @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean replace) {
        return created(proposals.create(reason, ProposalRequests.read(files), replace));
    }

    @GetMapping
    @Operation(operationId = "listRuleProposals", summary = "Rule proposals, newest first, with status, author, base version and whether they are stale")
    List<Proposal.Summary> list() {
        return proposals.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRuleProposal", summary = "One rule proposal", description = "Status, author, base version, validation (errors and warnings by file "
            + "and line), impact (companies changing band or score, findings appearing or vanishing), the line diff of each changed "
            + "file, comments and reviewer; when stale, the three-way view (base, proposal, live).")
    Proposal proposal(@PathVariable long id) {
        return proposals.proposal(id);
    }

    @PostMapping("/{id}/submit")
    @Operation(operationId = "submitRuleProposal", summary = "Put a draft up for review (its author)", description = "422 when it does not validate, 409 when its base is "
            + "no longer live.")
    Proposal submit(@PathVariable long id) {
        return proposals.submit(id);
    }

    @PostMapping(path = "/{id}/refresh")
    @Operation(operationId = "refreshRuleProposal", summary = "Lay a proposal onto the live rule set (its author)", description = "Three-way by file: files only the live "
            + "set changed are taken from it, files only the proposal changed are kept; a file both changed must be sent in the body "
            + "{\"files\":[...]} (409 naming it otherwise). Sent files may also correct a draft. Validated and previewed again.")
    Proposal refresh(@PathVariable long id, @RequestBody(required = false) ProposalRequests.Refresh body) {
        return proposals.refresh(id, body == null ? List.of() : ProposalRequests.ruleFiles(body.files()));
    }

    @PostMapping("/{id}/comments")
    @Operation(operationId = "commentOnRuleProposal", summary = "Comment on a proposal (ANALYST)")
    Proposal comment(@PathVariable long id, @RequestBody ProposalRequests.Remark body) {
        return proposals.comment(id, body.comment());
    }

    @PostMapping("/{id}/approve")
    @Operation(operationId = "approveRuleProposal", summary = "Approve and activate a submitted proposal (screener.rules.approver-role, default ADMIN)", description = "403 for "
            + "its author or without the approver role, 409 when its base is no longer live, 422 when it no longer validates. The "
            + "set goes live for every instance and is recorded as a version that came by proposal.")
    Proposal approve(@PathVariable long id, @RequestBody(required = false) ProposalRequests.Remark body) {
        return proposals.approve(id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/reject")
    @Operation(operationId = "rejectRuleProposal", summary = "Reject a submitted proposal with a comment (screener.rules.approver-role)", description = "Kept for the record.")
    Proposal reject(@PathVariable long id, @RequestBody(required = false) ProposalRequests.Remark body) {
        return proposals.reject(id, body == null ? null : body.comment());
    }

    @ExceptionHandler(ProposalProblem.class)
    ProblemDetail refused(ProposalProblem e) {
        ProblemDetail problem = Problems.of(e.status, e.type, e.title, e.getMessage());
        e.details.forEach(problem::setProperty);
        return problem;
    }

    private static ResponseEntity<Proposal> created(Proposal proposal) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/rules/proposals/" + proposal.id())).body(proposal);
    }
}
