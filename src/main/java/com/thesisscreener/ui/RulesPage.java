package com.thesisscreener.ui;

import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.StoredPortfolio;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesStatus;
import com.thesisscreener.rules.ValidationReport;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ResultChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules: the active set (version, files, since when), the last load of the rules folder with its errors
 * (file:line:column), an editor to validate a changed file or preview what it would change on a stored
 * portfolio without activating anything (ANALYST), reloading the folder (ADMIN), and the version history.
 */
@Controller
class RulesPage {

    private final ActiveRules active;
    private final RuleSetHistory history;
    private final PortfolioService portfolios;

    RulesPage(ActiveRules active, RuleSetHistory history, PortfolioService portfolios) {
        this.active = active;
        this.history = history;
        this.portfolios = portfolios;
    }

    /** A company whose band or score the edited rules would change. */
    /** A finding both results have whose points differ, e.g. API-OPEN-SOURCE −10 → −30. */
    record Moved(String ruleId, int before, int after) {
        public String text() {
            return ruleId + " " + (before > 0 ? "+" : "") + before + " → " + (after > 0 ? "+" : "") + after;
        }
    }

    record Change(ResultChanges.Change c, List<Moved> moved) {
        public int delta() {
            return Objects.requireNonNullElse(c.scoreAfter(), 0) - Objects.requireNonNullElse(c.scoreBefore(), 0);
        }

        public String deltaText() {
            return (delta() > 0 ? "+" : "") + delta();
        }

        public boolean bandChanged() {
            return c.bandBefore() != c.bandAfter();
        }
    }

    @GetMapping("/rules")
    String rules(@RequestParam(required = false) String file, Model model) {
        RuleSet current = active.current();
        RulesStatus status = active.status();
        List<RuleFile> editable = current.files().stream().filter(f -> !f.isDecisionTable()).toList();
        if (!model.containsAttribute("editedFile")) {
            RuleFile chosen = editable.stream().filter(f -> f.name().equals(file)).findFirst()
                    .orElse(editable.isEmpty() ? null : editable.get(0));
            model.addAttribute("editedFile", chosen == null ? "" : chosen.name());
            model.addAttribute("editedContent", chosen == null ? "" : chosen.content());
        }
        model.addAttribute("active", current);
        model.addAttribute("status", status);
        model.addAttribute("editable", editable);
        model.addAttribute("history", history.activations().stream().limit(50).toList());
        model.addAttribute("portfolios", portfolios.portfolios(0, 100));
        return "rules";
    }

    @PostMapping("/rules/validate")
    String validate(@RequestParam String file, @RequestParam String content, Model model) {
        keepEdit(file, content, model);
        model.addAttribute("report", check(file, content));
        return rules(file, model);
    }

    @PostMapping("/rules/preview")
    String preview(@RequestParam String file, @RequestParam String content, @RequestParam long portfolio, Model model) {
        keepEdit(file, content, model);
        ValidationReport report = check(file, content);
        model.addAttribute("report", report);
        StoredPortfolio target = portfolios.portfolio(portfolio);
        model.addAttribute("previewPortfolio", target);
        if (report.valid()) {
            var companies = portfolios.companies(target.id());
            List<Recommendation> before = active.current().screener().screen(companies);
            List<Recommendation> after = report.compiled().screener().screen(companies);
            ResultChanges changes = ResultChanges.between(before, after);
            Map<String, Recommendation> then = byTicker(before);
            Map<String, Recommendation> now = byTicker(after);
            List<Change> rows = new ArrayList<>();
            changes.changes().forEach(c -> rows.add(new Change(c, moved(then.get(c.ticker()), now.get(c.ticker())))));
            model.addAttribute("changes", rows);
            model.addAttribute("unchanged", changes.unchanged());
            model.addAttribute("bandChanges", rows.stream().filter(Change::bandChanged).count());
        }
        return rules(file, model);
    }

    @PostMapping("/rules/reload")
    String reload(RedirectAttributes redirect) {
        RulesStatus.Attempt attempt = active.reload();
        if (!attempt.errors().isEmpty()) {
            redirect.addFlashAttribute("error", "The rules folder does not compile; still serving " + active.current().version()
                    + ". The errors are listed under 'Last load of the folder'.");
        } else {
            redirect.addFlashAttribute("notice", attempt.activated() ? "Rule set " + attempt.version() + " is now active."
                    : "The folder holds the active rule set " + attempt.version() + "; nothing changed.");
        }
        return "redirect:/rules";
    }

    /** The active files with the edited one replaced (or added), checked without activating anything. */
    private ValidationReport check(String file, String content) {
        List<RuleFile> files = new ArrayList<>();
        boolean replaced = false;
        for (RuleFile f : active.current().files()) {
            if (f.name().equals(file)) {
                files.add(new RuleFile(file, content.replace("\r\n", "\n")));
                replaced = true;
            } else {
                files.add(f);
            }
        }
        if (!replaced) files.add(new RuleFile(file, content.replace("\r\n", "\n")));
        return new RuleSetCompiler().validate(files);
    }

    private static void keepEdit(String file, String content, Model model) {
        if (file == null || !file.matches("[A-Za-z0-9._-]{1,100}\\.drl")) {
            throw new IllegalArgumentException("a rule file name is letters, digits, '.', '_' or '-' ending in .drl");
        }
        model.addAttribute("editedFile", file);
        model.addAttribute("editedContent", content);
    }

    /** Findings present before and after whose points changed: a rule edit that only re-weights shows here. */
    static List<Moved> moved(Recommendation before, Recommendation after) {
        if (before == null || after == null) return List.of();
        Map<String, Integer> points = new HashMap<>();
        before.findings().forEach(f -> points.merge(f.ruleId(), f.points(), Integer::sum));
        Map<String, Integer> nowPoints = new LinkedHashMap<>();
        after.findings().forEach(f -> nowPoints.merge(f.ruleId(), f.points(), Integer::sum));
        List<Moved> moved = new ArrayList<>();
        nowPoints.forEach((rule, p) -> {
            Integer was = points.get(rule);
            if (was != null && was.intValue() != p) moved.add(new Moved(rule, was, p));
        });
        return moved;
    }

    private static Map<String, Recommendation> byTicker(List<Recommendation> results) {
        Map<String, Recommendation> map = new HashMap<>();
        results.forEach(r -> map.putIfAbsent(r.ticker(), r));
        return map;
    }
}
