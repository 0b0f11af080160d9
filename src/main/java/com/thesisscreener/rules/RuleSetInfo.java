package com.thesisscreener.rules;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Puts the active rule-set version into {@code /actuator/info}. */
@Component
class RuleSetInfo implements InfoContributor {

    private final ActiveRules rules;

    RuleSetInfo(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public void contribute(Info.Builder builder) {
        RuleSet current = rules.current();
        builder.withDetail("ruleSet", Map.of("version", current.version(), "rules", current.ruleCount(),
                "files", current.files().stream().map(RuleFile::name).toList()));
    }
}
