package com.thesisscreener.rules;

import java.util.List;
import java.util.Optional;

/**
 * Everything a check of a rule set found, without throwing: the errors that stop it from compiling
 * (policy violations, compiler errors, incomplete banding) and the warnings that do not (a rule
 * without its thesis passage, a thesis rule id no file defines, an input named in {@code @requires}
 * that the condition never reads). Each is {@code file:line:column message}.
 *
 * @param version  content hash of the files checked (the version they would run as)
 * @param files    the files checked
 * @param errors   problems that make the rule set unusable; empty when it is valid
 * @param warnings problems worth fixing that do not stop the rule set
 * @param compiled the compiled rule set when valid, else {@code null}
 */
public record ValidationReport(String version, List<RuleFile> files, List<RuleError> errors, List<RuleError> warnings,
                               RuleSet compiled) {

    public ValidationReport {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty() && compiled != null;
    }

    public Optional<RuleSet> ruleSet() {
        return Optional.ofNullable(compiled);
    }

    public int ruleCount() {
        return compiled == null ? 0 : compiled.ruleCount();
    }
}
