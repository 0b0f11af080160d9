package com.thesisscreener.ui;

import com.thesisscreener.security.AccountException;
import com.thesisscreener.security.AccountNotFoundException;
import com.thesisscreener.security.ApiKeys;
import com.thesisscreener.security.AuditLog;
import com.thesisscreener.security.Role;
import com.thesisscreener.security.SignInThrottle;
import com.thesisscreener.security.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages: users (create, role, enable, reset password), API keys (create, revoke), the audit log. */
@Controller
@RequestMapping("/admin")
class AdminPages {

    private final UserAccounts accounts;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final SignInThrottle throttle;

    AdminPages(UserAccounts accounts, ApiKeys keys, AuditLog audit, SignInThrottle throttle) {
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("lockedUntil", throttle.locks().stream().filter(lock -> lock.kind().equals("account"))
                .collect(java.util.stream.Collectors.toMap(SignInThrottle.Lock::subject, SignInThrottle.Lock::lockedUntil, (a, b) -> a)));
        return "admin-users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam String username, @RequestParam String role, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> {
            UserAccounts.Issued issued = accounts.create(username, Role.parse(role));
            audit.record("user.create", issued.account().username() + " as " + issued.account().role());
            redirect.addFlashAttribute("issuedUser", issued.account().username());
            redirect.addFlashAttribute("issuedPassword", issued.oneTimePassword());
        });
    }

    @PostMapping("/users/{username}/role")
    String setRole(@PathVariable String username, @RequestParam String role, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> {
            var account = accounts.setRole(username, Role.parse(role));
            audit.record("user.role", account.username() + " is now " + account.role());
            redirect.addFlashAttribute("notice", account.username() + " is now " + account.role() + ".");
        });
    }

    @PostMapping("/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> {
            var account = accounts.setEnabled(username, enabled);
            audit.record(enabled ? "user.enable" : "user.disable", account.username());
            redirect.addFlashAttribute("notice", account.username() + (enabled ? " can sign in again." : " can no longer sign in."));
        });
    }

    @PostMapping("/users/{username}/password-reset")
    String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> {
            UserAccounts.Issued issued = accounts.resetPassword(username);
            audit.record("user.password-reset", issued.account().username());
            redirect.addFlashAttribute("issuedUser", issued.account().username());
            redirect.addFlashAttribute("issuedPassword", issued.oneTimePassword());
        });
    }

    @PostMapping("/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> {
            var account = accounts.find(username).orElseThrow(() -> new AccountNotFoundException("no user '" + username + "'"));
            boolean wasLocked = throttle.unlockAccount(account.username());
            audit.record("user.unlock", account.username() + (wasLocked ? " (was locked)" : " (was not locked)"));
            redirect.addFlashAttribute("notice", account.username() + " can sign in again.");
        });
    }

    @GetMapping("/api-keys")
    String apiKeys(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("roles", Role.values());
        return "admin-keys";
    }

    @PostMapping("/api-keys")
    String createKey(@RequestParam String name, @RequestParam String role, Authentication auth, RedirectAttributes redirect) {
        return act(redirect, "/admin/api-keys", () -> {
            ApiKeys.Created created = keys.create(name, Role.parse(role), auth.getName());
            audit.record("api-key.create", "'" + created.key().name() + "' (" + created.key().prefix() + "...) as " + created.key().role());
            redirect.addFlashAttribute("createdKey", created.secret());
            redirect.addFlashAttribute("createdKeyName", created.key().name());
        });
    }

    @PostMapping("/api-keys/{id}/revoke")
    String revokeKey(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return act(redirect, "/admin/api-keys", () -> {
            ApiKeys.ApiKey key = keys.revoke(id, auth.getName());
            audit.record("api-key.revoke", "'" + key.name() + "' (" + key.prefix() + "...)");
            redirect.addFlashAttribute("notice", "The key '" + key.name() + "' is revoked; it stops working at once.");
        });
    }

    @GetMapping("/audit")
    String audit(@RequestParam(defaultValue = "200") int limit, Model model) {
        model.addAttribute("events", audit.recent(limit));
        return "audit";
    }

    private static String act(RedirectAttributes redirect, String back, Runnable action) {
        try {
            action.run();
        } catch (AccountException | AccountNotFoundException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }
}
