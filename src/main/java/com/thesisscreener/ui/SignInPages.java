package com.thesisscreener.ui;

import com.thesisscreener.security.AccountException;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page, choosing a new password, and the page shown when a role is not enough. */
@Controller
class SignInPages {

    private final UserAccounts accounts;
    private final AuditLog audit;

    SignInPages(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null) {
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", failure instanceof LockedException locked ? locked.getMessage()
                    : "Wrong username or password, or the account is disabled.");
        }
        if (request.getParameter("signed-out") != null) model.addAttribute("notice", "You are signed out.");
        if (session != null && session.getAttribute("SPRING_SECURITY_SAVED_REQUEST") != null && request.getParameter("error") == null) {
            model.addAttribute("notice", "Sign in to continue where you were.");
        }
        return "login";
    }

    @GetMapping("/password")
    String passwordForm(Authentication auth, Model model) {
        model.addAttribute("required", accounts.mustChangePassword(auth.getName()));
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "password";
    }

    @PostMapping("/password")
    String changePassword(Authentication auth, @RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) throw new AccountException("the two new passwords differ", "confirmPassword");
            accounts.changePassword(auth.getName(), currentPassword, newPassword);
        } catch (AccountException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("field", e.field());
            return passwordForm(auth, model);
        }
        audit.record("user.password-change", auth.getName());
        redirect.addFlashAttribute("notice", "Your password is changed.");
        return "redirect:/portfolios";
    }

    @RequestMapping("/denied")
    String denied(HttpServletResponse response, HttpServletRequest request, Model model) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException && CurrentUser.of(
                SecurityContextHolder.getContext().getAuthentication()) == null) {
            // Not a role problem: the session ended while the page was open. Back to that page, which asks to sign in first
            // and returns there afterwards (the page keeps the person's unsaved edit in the browser).
            return "redirect:" + samePageOrHome(request.getHeader("Referer"), request);
        }
        response.setStatus(403);
        Object uri = request.getAttribute("jakarta.servlet.forward.request_uri");
        model.addAttribute("title", "Not allowed");
        model.addAttribute("message", "Your role does not allow " + (uri == null ? "this page" : "'" + uri + "'")
                + ". Ask an administrator if you need it.");
        return "problem";
    }

    /** The path of the page that sent the request when it is one of ours, else the portfolio list. */
    static String samePageOrHome(String referer, HttpServletRequest request) {
        if (referer == null) return "/portfolios";
        try {
            URI uri = URI.create(referer);
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!ours || path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) return "/portfolios";
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/portfolios";
        }
    }
}
