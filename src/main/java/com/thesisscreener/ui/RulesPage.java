package com.thesisscreener.ui;

import com.thesisscreener.portfolio.PortfolioService;
import com.thesisscreener.portfolio.StoredPortfolio;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleFileRefused;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetHistory;
import com.thesisscreener.rules.RulesStatus;
import com.thesisscreener.rules.ValidationReport;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
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
    private final RuleEditing editing = new RuleEditing();

    RulesPage(ActiveRules active, RuleSetHistory history, PortfolioService portfolios) {
        this.active = active;
        this.history = history;
        this.portfolios = portfolios;
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
    String validate(@RequestParam String file, @RequestParam String content, Model model, HttpServletResponse response) {
        if (!keptEdit(file, content, model, response)) return rules(null, model);
        model.addAttribute("report", check(file, content));
        return rules(file, model);
    }

    @PostMapping("/rules/preview")
    String preview(@RequestParam String file, @RequestParam String content, @RequestParam long portfolio, Model model,
                   HttpServletResponse response) {
        if (!keptEdit(file, content, model, response)) return rules(null, model);
        ValidationReport report = check(file, content);
        model.addAttribute("report", report);
        StoredPortfolio target = portfolios.portfolio(portfolio);
        model.addAttribute("previewPortfolio", target);
        if (report.valid()) {
            RuleEditing.Impact impact = editing.preview(active.current(), report.compiled(), portfolios.companies(target.id()));
            model.addAttribute("changes", impact.changes());
            model.addAttribute("unchanged", impact.unchanged());
            model.addAttribute("bandChanges", impact.bandChanges());
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
        return editing.check(RuleEditing.merge(active.current().files(), List.of(RuleEditing.typed(file, content)), false));
    }

    /** Keeps the edit on the page; a refused file name is shown above the editor (400) and nothing is checked. */
    private static boolean keptEdit(String file, String content, Model model, HttpServletResponse response) {
        model.addAttribute("editedFile", file);
        model.addAttribute("editedContent", content);
        try {
            RuleEditing.checkName(file);
            return true;
        } catch (RuleFileRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refused", refused.getMessage());
            return false;
        }
    }
}
