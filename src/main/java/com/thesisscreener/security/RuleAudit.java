package com.thesisscreener.security;

import com.thesisscreener.rules.RuleSetActivated;
import com.thesisscreener.rules.RuleSetHistory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rule reloads in the audit log: every rule set that goes live ({@code rules.reload}, {@code rules.rollback},
 * {@code rules.file-change}, {@code rules.startup}), with who made it so. Also tells the rule-set history who
 * activated a version.
 */
@Component
class RuleAudit implements RuleSetHistory.ActivatedBy {

    private final AuditLog audit;

    RuleAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String currentUser() {
        return AuditLog.currentActor();
    }

    @EventListener
    void activated(RuleSetActivated event) {
        String subject = "rule set " + event.ruleSet().version() + " (" + event.ruleSet().ruleCount() + " rules in "
                + event.ruleSet().files().size() + " files)"
                + (event.previous() == null ? "" : ", replacing " + event.previous().version());
        audit.record("rules." + event.trigger(), subject);
    }
}
