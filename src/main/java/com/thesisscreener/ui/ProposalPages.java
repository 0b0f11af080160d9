package com.thesisscreener.ui;

import com.thesisscreener.proposals.Proposal;
import com.thesisscreener.proposals.ProposalProblem;
import com.thesisscreener.proposals.ProposalStatus;
import com.thesisscreener.proposals.Proposals;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.UploadedRuleFiles;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.web.InvalidRequestException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rule proposals in the browser: the list with status, a form to propose an edited file (or uploaded files) with
 * a reason, and a proposal's page with the diff of each file, the three-way view when stale, validation, impact,
 * comments and the buttons the signed-in person may use. The work is done by {@link Proposals}.
 */
@Controller
class ProposalPages {

    private final Proposals proposals;
    private final ActiveRules active;

    ProposalPages(Proposals proposals, ActiveRules active) {
        this.proposals = proposals;
        this.active = active;
    }

    @GetMapping("/rules/proposals")
    String list(@RequestParam(required = false) String file, Model model) {
        List<RuleFile> editable = active.current().files().stream().filter(f -> !f.isDecisionTable()).toList();
        RuleFile chosen = editable.stream().filter(f -> f.name().equals(file)).findFirst().orElse(editable.isEmpty() ? null : editable.get(0));
        model.addAttribute("proposals", proposals.list());
        model.addAttribute("editable", editable);
        model.addAttribute("editedFile", chosen == null ? "" : chosen.name());
        if (!model.containsAttribute("editedContent")) model.addAttribute("editedContent", chosen == null ? "" : chosen.content());
        model.addAttribute("approverRole", proposals.approverRole().name());
        return "proposals";
    }

    @GetMapping("/rules/proposals/{id}")
    String proposal(@PathVariable long id, Model model) {
        Proposal proposal;
        try {
            proposal = proposals.proposal(id);
        } catch (ProposalProblem notFound) {
            throw new com.thesisscreener.web.NotFoundException(notFound.getMessage());
        }
        String me = AuditLog.currentActor();
        boolean author = proposal.author().equals(me);
        boolean open = proposal.status() == ProposalStatus.DRAFT || proposal.status() == ProposalStatus.SUBMITTED;
        model.addAttribute("p", proposal);
        model.addAttribute("isAuthor", author);
        model.addAttribute("canSubmit", author && proposal.status() == ProposalStatus.DRAFT);
        model.addAttribute("canRefresh", author && open);
        model.addAttribute("canReview", !author && proposal.status() == ProposalStatus.SUBMITTED && proposals.currentUserMayReview());
        model.addAttribute("approverRole", proposals.approverRole().name());
        return "proposal";
    }

    @PostMapping("/rules/proposals")
    String create(@RequestParam(required = false) String file, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String reason, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                  RedirectAttributes redirect) {
        List<RuleFile> sent;
        try {
            sent = new ArrayList<>(UploadedRuleFiles.read(uploads));
            if (sent.isEmpty() && file != null && content != null) sent.add(RuleEditing.typed(file, content));
        } catch (UncheckedIOException unreadable) {
            redirect.addFlashAttribute("error", unreadable.getMessage() + ": " + unreadable.getCause().getMessage());
            return "redirect:/rules/proposals";
        } catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            redirect.addFlashAttribute("editedContent", content);
            return "redirect:/rules/proposals";
        }
        try {
            long id = proposals.create(reason, sent, false).id();
            redirect.addFlashAttribute("notice", "Proposal " + id + " saved as a draft. Submit it for review when it validates.");
            return "redirect:/rules/proposals/" + id;
        } catch (InvalidRequestException | ProposalProblem refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            redirect.addFlashAttribute("editedContent", content);
            return "redirect:/rules/proposals" + (file == null ? "" : "?file=" + file);
        }
    }

    @PostMapping("/rules/proposals/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> proposals.submit(id), "Submitted for review.");
    }

    @PostMapping("/rules/proposals/{id}/refresh")
    String refresh(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> proposals.refresh(id, List.of()), "Refreshed onto the live rule set; validation and impact are new.");
    }

    @PostMapping("/rules/proposals/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> proposals.approve(id, comment), "Approved: the proposed rule set is live.");
    }

    @PostMapping("/rules/proposals/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> proposals.reject(id, comment), "Rejected; the proposal is kept for the record.");
    }

    @PostMapping("/rules/proposals/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> proposals.comment(id, comment), "Comment added.");
    }

    /** Runs an action and comes back to the proposal with what happened, or why it was refused, in words. */
    private static String act(long id, RedirectAttributes redirect, Supplier<Proposal> action, String done) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", done);
        } catch (ProposalProblem refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) throw new com.thesisscreener.web.NotFoundException(refused.getMessage());
            redirect.addFlashAttribute("error", refused.getMessage());
        } catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/rules/proposals/" + id;
    }

}
