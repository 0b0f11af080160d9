package com.thesisscreener.rules;

import com.thesisscreener.ScreenerProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set the service screens with. A caller takes {@link #current()} once per request and keeps
 * it, so a request finishes on the rules it started with.
 */
@Component
public class ActiveRules {

    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    ActiveRules(ScreenerProperties properties) throws RuleCompilationException {
        RuleSet rules = new RuleSetCompiler().compile(properties.rulesDir());
        current.set(rules);
        log.info("Screening with rule set {} ({} rules in {} files from {})", rules.version(), rules.ruleCount(),
                rules.files().size(), properties.rulesDir().toAbsolutePath().normalize());
    }

    public RuleSet current() {
        return current.get();
    }
}
