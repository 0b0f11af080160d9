package com.thesisscreener.proposals;

import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.LineDiff;
import com.thesisscreener.rules.RuleImpact;
import java.time.Instant;
import java.util.List;

/**
 * A rule proposal as the REST API and the pages show it.
 *
 * @param baseVersion      the live rule set the proposal was made from
 * @param liveVersion      the rule set live now
 * @param stale            whether the live set moved on since: the proposal must be refreshed before it can be approved
 * @param candidateVersion the version the proposed files would run as
 * @param files            the names of every file of the proposed set
 * @param changes          each file the proposal adds, removes or edits against its base, with a line diff
 * @param threeWay         when stale: each file the proposal or the live set changed since the base, both diffs side by side
 * @param activatedVersion the version that went live on approval
 */
public record Proposal(long id, ProposalStatus status, String author, String reason, String baseVersion, String liveVersion,
                       boolean stale, String candidateVersion, Validation validation, RuleImpact.Preview impact, List<String> files,
                       List<FileChange> changes, List<ThreeWay> threeWay, List<Comment> comments, String reviewer,
                       Instant createdAt, Instant updatedAt, Instant decidedAt, String activatedVersion) {

    /** The checks of the rule sandbox on the proposed set: errors stop it from being submitted, warnings do not. */
    public record Validation(boolean valid, String version, int ruleCount, List<RuleError> errors, List<RuleError> warnings) {
    }

    /** One file against the base: ADDED, REMOVED or EDITED, and its lines with numbers on both sides. */
    public record FileChange(String name, String change, List<LineDiff.Line> diff) {
    }

    /** One file changed since the base by the proposal, by the live set, or by both ({@code conflict}). */
    public record ThreeWay(String name, boolean conflict, List<LineDiff.Line> proposalDiff, List<LineDiff.Line> liveDiff) {
    }

    /** A comment, or the words a reviewer gave with a decision ({@code kind} COMMENT, APPROVAL, REJECTION, REFRESH). */
    public record Comment(String author, Instant at, String kind, String text) {
    }

    /** A line of the proposals list. */
    public record Summary(long id, ProposalStatus status, String author, String reason, String baseVersion, boolean stale,
                          boolean valid, String reviewer, Instant createdAt, Instant updatedAt, String activatedVersion) {
    }
}
