package com.thesisscreener.proposals;

/** Where a rule proposal stands. A DRAFT may not validate; only a SUBMITTED one can be approved or rejected. */
public enum ProposalStatus {
    /** Saved by its author, not yet put up for review (it may not validate). */
    DRAFT,
    /** Validated and waiting for a second person's decision. */
    SUBMITTED,
    /** Approved by a second person and activated. */
    APPROVED,
    /** Rejected by a second person; kept for the record. */
    REJECTED
}
