package com.thesisscreener.proposals;

import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesStatus;
import com.thesisscreener.rules.ValidationReport;
import com.thesisscreener.rules.RuleImpact;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.security.Role;
import com.thesisscreener.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule proposals: an analyst proposes rule files with a reason, sees them validated (the rule sandbox's checks)
 * and their impact on stored portfolios, and submits them; a second person with the approver role
 * ({@code screener.rules.approver-role}, ADMIN by default) approves, which activates the set for every instance,
 * or rejects. A proposal whose base is no longer live must be refreshed onto the live set first, so an approval
 * never drops a change activated meanwhile. Every step is in the audit log.
 */
@Service
public class Proposals {

    static final int MAX_REASON = 2000;
    static final int MAX_COMMENT = 4000;

    private final ActiveRules rules;
    private final RuleSetHistory history;
    private final RuleImpact impact;
    private final ProposalStore store;
    private final AuditLog audit;
    private final RoleHierarchy roles;
    private final Role approverRole;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RuleEditing editing = new RuleEditing();

    Proposals(ActiveRules rules, RuleSetHistory history, RuleImpact impact, ProposalStore store, AuditLog audit, RoleHierarchy roles,
              @Value("${screener.rules.approver-role:ADMIN}") String approverRole) {
        this.rules = rules;
        this.history = history;
        this.impact = impact;
        this.store = store;
        this.audit = audit;
        this.roles = roles;
        this.approverRole = Role.parse(approverRole);
    }

    /** The validation and the impact as shown to the reviewer; stored as JSON with the proposal. */
    record Assessment(Proposal.Validation validation, RuleImpact.Preview impact) {
    }

    public Role approverRole() {
        return approverRole;
    }

    /** Saves a DRAFT: the sent files laid over the live set by name (or alone with {@code replace}), checked and previewed. */
    public Proposal create(String reason, List<RuleFile> sent, boolean replace) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidRequestException("give a reason of 1 to " + MAX_REASON + " characters: what the change is for", "reason");
        }
        String base = liveVersion();
        List<RuleFile> files = RuleEditing.merge(liveFiles(base), sent, replace);
        if (files.equals(liveFiles(base).stream().sorted(Comparator.comparing(RuleFile::name)).toList())) {
            throw new InvalidRequestException("the files sent are the same as the live rule set " + base + ": nothing to propose", "files");
        }
        long id = store.insert(AuditLog.currentActor(), why, check(base, files));
        audit.record("rules.proposal.create", subject(id, why));
        return proposal(id);
    }

    /** Puts a DRAFT up for review: only its author, only when it validates and its base is still live. */
    public synchronized Proposal submit(long id) {
        ProposalStore.Row row = row(id);
        requireAuthor(row, "submit");
        if (row.status() != ProposalStatus.DRAFT) throw wrongStatus(row, "submitted", ProposalStatus.DRAFT);
        requireValid(row, "submitted");
        requireFresh(row, "submitted");
        if (!store.submit(id, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED)) throw changedMeanwhile(id);
        audit.record("rules.proposal.submit", subject(id, row.reason()));
        return proposal(id);
    }

    /**
     * Lays the proposal onto the live set (three-way, file by file) and any files sent over that, then checks and
     * previews it again. A file both the proposal and the live set changed must be sent, resolved by the author.
     */
    public synchronized Proposal refresh(long id, List<RuleFile> sent) {
        ProposalStore.Row row = row(id);
        requireAuthor(row, "refresh");
        if (row.status() != ProposalStatus.DRAFT && row.status() != ProposalStatus.SUBMITTED) throw wrongStatus(row, "refreshed", ProposalStatus.DRAFT);
        String live = liveVersion();
        Map<String, RuleFile> base = byName(liveFiles(row.baseVersion()));
        Map<String, RuleFile> mine = byName(store.files(id));
        Map<String, RuleFile> theirs = byName(liveFiles(live));
        Map<String, RuleFile> resolved = byName(sent);
        sent.forEach(file -> RuleEditing.checkName(file.name()));
        List<RuleFile> merged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String name : names(base, mine, theirs, resolved)) {
            RuleFile b = base.get(name);
            RuleFile p = mine.get(name);
            RuleFile c = theirs.get(name);
            RuleFile chosen;
            if (resolved.containsKey(name)) chosen = resolved.get(name);
            else if (Objects.equals(p, b)) chosen = c;
            else if (Objects.equals(c, b) || Objects.equals(p, c)) chosen = p;
            else {
                conflicts.add(name);
                continue;
            }
            if (chosen != null) merged.add(chosen);
        }
        if (!conflicts.isEmpty()) {
            throw new ProposalProblem(HttpStatus.CONFLICT, "proposal-conflict", "The proposal and the live rules changed the same file",
                    "both this proposal and the live rule set " + live + " changed " + String.join(", ", conflicts) + " since " + row.baseVersion()
                            + "; send your version of " + (conflicts.size() == 1 ? "that file" : "those files") + " with the refresh",
                    Map.of("conflicts", conflicts, "liveVersion", live));
        }
        merged.sort(Comparator.comparing(RuleFile::name));
        ProposalStore.Checked checked = check(live, merged);
        ProposalStatus next = row.status() == ProposalStatus.SUBMITTED && checked.valid() ? ProposalStatus.SUBMITTED : ProposalStatus.DRAFT;
        if (!store.replace(id, row.status(), next, checked)) throw changedMeanwhile(id);
        store.comment(id, AuditLog.currentActor(), "REFRESH", "refreshed onto rule set " + live + (next == row.status() ? "" : "; back to DRAFT"));
        audit.record("rules.proposal.refresh", subject(id, row.reason()) + " onto " + live);
        return proposal(id);
    }

    /**
     * Approves a SUBMITTED proposal and activates its set for every instance, only while its base is still live. The
     * author may not approve their own; the approver needs {@code screener.rules.approver-role}.
     */
    public synchronized Proposal approve(long id, String comment) {
        ProposalStore.Row row = row(id);
        requireReviewer(row, "approve");
        if (row.status() != ProposalStatus.SUBMITTED) throw wrongStatus(row, "approved", ProposalStatus.SUBMITTED);
        requireFresh(row, "approved");
        List<RuleFile> files = store.files(id);
        ValidationReport report = editing.check(files);
        if (!report.valid()) throw invalid(report.errors(), "proposal " + id + " no longer validates and cannot be approved");
        RulesStatus.Attempt attempt;
        try {
            attempt = rules.activateOnto(row.baseVersion(), files, "proposal");
        } catch (RuleSetHistory.LiveVersionChanged moved) {
            throw stale(id, moved.getMessage(), "approved");
        }
        if (!attempt.errors().isEmpty()) {
            if ("database".equals(attempt.errors().get(0).file())) {
                throw new ProposalProblem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Not activated",
                        attempt.errors().get(0).message());
            }
            throw invalid(attempt.errors(), "proposal " + id + " was not activated");
        }
        String reviewer = AuditLog.currentActor();
        if (!store.decide(id, ProposalStatus.APPROVED, reviewer, attempt.version())) throw changedMeanwhile(id);
        if (comment != null && !comment.isBlank()) store.comment(id, reviewer, "APPROVAL", limited(comment));
        audit.record("rules.proposal.approve", subject(id, row.reason()) + " by " + row.author() + ": rule set " + attempt.version()
                + " is live, replacing " + row.baseVersion());
        return proposal(id);
    }

    /** Rejects a SUBMITTED proposal with the reviewer's reason; it is kept for the record. */
    public synchronized Proposal reject(long id, String comment) {
        if (comment == null || comment.isBlank()) throw new InvalidRequestException("say why the proposal is rejected", "comment");
        ProposalStore.Row row = row(id);
        requireReviewer(row, "reject");
        if (row.status() != ProposalStatus.SUBMITTED) throw wrongStatus(row, "rejected", ProposalStatus.SUBMITTED);
        String reviewer = AuditLog.currentActor();
        if (!store.decide(id, ProposalStatus.REJECTED, reviewer, null)) throw changedMeanwhile(id);
        store.comment(id, reviewer, "REJECTION", limited(comment));
        audit.record("rules.proposal.reject", subject(id, row.reason()) + " by " + row.author());
        return proposal(id);
    }

    /** Adds a comment by the current user. */
    public Proposal comment(long id, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_COMMENT) {
            throw new InvalidRequestException("a comment has 1 to " + MAX_COMMENT + " characters", "comment");
        }
        row(id);
        store.comment(id, AuditLog.currentActor(), "COMMENT", text.strip());
        audit.record("rules.proposal.comment", subject(id, row(id).reason()));
        return proposal(id);
    }

    /** The newest proposals first. */
    public List<Proposal.Summary> list() {
        String live = liveVersion();
        return store.list(500).stream().map(r -> new Proposal.Summary(r.id(), r.status(), r.author(), r.reason(), r.baseVersion(),
                stale(r, live), r.valid(), r.reviewer(), r.createdAt(), r.updatedAt(), r.activatedVersion())).toList();
    }

    /** One proposal with its diffs (and the three-way view when stale), validation, impact and comments. */
    public Proposal proposal(long id) {
        ProposalStore.Row row = row(id);
        String live = liveVersion();
        boolean stale = stale(row, live);
        Map<String, RuleFile> base = byName(liveFiles(row.baseVersion()));
        Map<String, RuleFile> mine = byName(store.files(id));
        List<Proposal.FileChange> changes = new ArrayList<>();
        for (String name : names(base, mine)) {
            RuleFile before = base.get(name);
            RuleFile after = mine.get(name);
            if (Objects.equals(before, after)) continue;
            String change = before == null ? "ADDED" : after == null ? "REMOVED" : "EDITED";
            changes.add(new Proposal.FileChange(name, change, editing.diff(before, after)));
        }
        List<Proposal.ThreeWay> threeWay = stale ? threeWay(base, mine, byName(liveFiles(live))) : List.of();
        Assessment assessment = json.readValue(row.assessment(), Assessment.class);
        return new Proposal(row.id(), row.status(), row.author(), row.reason(), row.baseVersion(), live, stale, row.candidateVersion(),
                assessment.validation(), assessment.impact(), List.copyOf(mine.keySet()), changes, threeWay, store.comments(id),
                row.reviewer(), row.createdAt(), row.updatedAt(), row.decidedAt(), row.activatedVersion());
    }

    /** Whether the current user may approve or reject proposals at all (the pages show the buttons by this). */
    public boolean currentUserMayReview() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return false;
        return roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream().map(GrantedAuthority::getAuthority)
                .anyMatch(approverRole.authority()::equals);
    }

    private List<Proposal.ThreeWay> threeWay(Map<String, RuleFile> base, Map<String, RuleFile> mine, Map<String, RuleFile> live) {
        List<Proposal.ThreeWay> files = new ArrayList<>();
        for (String name : names(base, mine, live)) {
            RuleFile b = base.get(name);
            boolean proposed = !Objects.equals(b, mine.get(name));
            boolean moved = !Objects.equals(b, live.get(name));
            if (!proposed && !moved) continue;
            boolean conflict = proposed && moved && !Objects.equals(mine.get(name), live.get(name));
            files.add(new Proposal.ThreeWay(name, conflict, editing.diff(b, mine.get(name)),
                    editing.diff(b, live.get(name))));
        }
        return files;
    }

    private ProposalStore.Checked check(String base, List<RuleFile> files) {
        ValidationReport report = editing.check(files);
        Proposal.Validation validation = new Proposal.Validation(report.valid(), report.version(), report.ruleCount(), report.errors(),
                report.warnings());
        RuleImpact.Preview preview = report.valid() ? impact.preview(report.compiled(), report.warnings(), null) : null;
        return new ProposalStore.Checked(base, report.version(), report.valid(), json.writeValueAsString(new Assessment(validation, preview)),
                files);
    }

    private void requireAuthor(ProposalStore.Row row, String action) {
        if (!row.author().equals(AuditLog.currentActor())) {
            throw ProposalProblem.forbidden("only the author of proposal " + row.id() + " (" + row.author() + ") may " + action + " it");
        }
    }

    private void requireReviewer(ProposalStore.Row row, String action) {
        if (row.author().equals(AuditLog.currentActor())) {
            throw ProposalProblem.forbidden("you wrote proposal " + row.id() + "; a second person must " + action + " it");
        }
        if (!currentUserMayReview()) {
            throw ProposalProblem.forbidden("to " + action + " a rule proposal needs the " + approverRole + " role (screener.rules.approver-role)");
        }
    }

    private void requireValid(ProposalStore.Row row, String action) {
        if (!row.valid()) {
            Assessment assessment = json.readValue(row.assessment(), Assessment.class);
            throw invalid(assessment.validation().errors(), "proposal " + row.id() + " does not validate and cannot be " + action
                    + "; refresh it with corrected files");
        }
    }

    private void requireFresh(ProposalStore.Row row, String action) {
        String live = liveVersion();
        if (stale(row, live)) {
            throw stale(row.id(), "proposal " + row.id() + " is based on rule set " + row.baseVersion() + " but " + live + " is live now", action);
        }
    }

    private static ProposalProblem stale(long id, String why, String action) {
        return new ProposalProblem(HttpStatus.CONFLICT, "stale-proposal", "The proposal is based on a rule set that is no longer live",
                why + "; it cannot be " + action + " until its author refreshes it onto the live set (POST /api/v1/rules/proposals/"
                        + id + "/refresh), which keeps the change made meanwhile");
    }

    private static ProposalProblem invalid(List<RuleError> errors, String detail) {
        String first = errors.stream().limit(3).map(RuleError::toString).collect(Collectors.joining("; "));
        return new ProposalProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rules", "The rules do not compile",
                detail + (first.isEmpty() ? "" : ": " + first), Map.of("errors", errors));
    }

    private static ProposalProblem wrongStatus(ProposalStore.Row row, String action, ProposalStatus needed) {
        return ProposalProblem.conflict("proposal-status", "Not possible in this status",
                "proposal " + row.id() + " is " + row.status() + "; only a " + needed + " proposal can be " + action);
    }

    private static ProposalProblem changedMeanwhile(long id) {
        return ProposalProblem.conflict("proposal-status", "Changed meanwhile", "proposal " + id + " was changed by someone else meanwhile; reload it");
    }

    private ProposalStore.Row row(long id) {
        return store.find(id).orElseThrow(() -> ProposalProblem.notFound(id));
    }

    private static boolean stale(ProposalStore.Row row, String live) {
        return (row.status() == ProposalStatus.DRAFT || row.status() == ProposalStatus.SUBMITTED) && !row.baseVersion().equals(live);
    }

    /** The version every instance serves: the database decides; without one, this instance's set. */
    private String liveVersion() {
        return history.liveVersion().orElse(rules.current().version());
    }

    private List<RuleFile> liveFiles(String version) {
        if (version.equals(rules.current().version())) return rules.current().files();
        return history.filesOf(version);
    }

    private static Map<String, RuleFile> byName(List<RuleFile> files) {
        return files.stream().collect(Collectors.toMap(RuleFile::name, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }

    @SafeVarargs
    private static TreeSet<String> names(Map<String, RuleFile>... sets) {
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, RuleFile> set : sets) names.addAll(set.keySet());
        return names;
    }

    private static String limited(String text) {
        String stripped = text.strip();
        return stripped.length() > MAX_COMMENT ? stripped.substring(0, MAX_COMMENT) : stripped;
    }

    private static String subject(long id, String reason) {
        return "proposal " + id + " (" + reason + ")";
    }
}
