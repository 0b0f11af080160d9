package com.thesisscreener.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users, API keys and the audit log over REST; everything here but {@code /me} needs ADMIN ({@link ApiAuthorization}). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Users, API keys and the audit log (ADMIN)")
class AccountController {

    private final UserAccounts accounts;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final SignInThrottle throttle;

    AccountController(UserAccounts accounts, ApiKeys keys, AuditLog audit, SignInThrottle throttle) {
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.throttle = throttle;
    }

    record Unlocked(String subject, boolean wasLocked) {
    }

    /** The caller: name, highest role, and every authority as its plain name (ROLE_ADMIN, FACTOR_PASSWORD...). */
    record SignedIn(String name, Role role, List<String> authorities) {
    }

    record NewUser(String username, @Schema(implementation = Role.class) String role) {
    }

    record UserChange(@Schema(implementation = Role.class) String role, Boolean enabled) {
    }

    record IssuedUser(UserAccounts.Account user, String oneTimePassword) {
    }

    record NewKey(String name, @Schema(implementation = Role.class) String role) {
    }

    record CreatedKey(ApiKeys.ApiKey apiKey, String key, String note) {
    }

    @GetMapping("/me")
    @Operation(operationId = "getCurrentUser", summary = "Who the request is signed in as, and the roles that gives")
    SignedIn me(Authentication auth) {
        // getAuthority(), not toString(): some authorities (e.g. the password factor) print as internal objects.
        List<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        Role role = Arrays.stream(Role.values()).filter(r -> authorities.contains(r.authority())).reduce((low, high) -> high).orElse(null);
        return new SignedIn(auth.getName(), role, authorities);
    }

    @GetMapping("/users")
    @Operation(operationId = "listUsers", summary = "Every user with role and state (never a password)")
    List<UserAccounts.Account> users() {
        return accounts.list();
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createUser", summary = "Create a user", description = "Answers with a one-time password, shown only in this answer; the user must "
            + "choose a new password at the first sign-in.")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new user", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "409", description = "A user with this name exists")
    ResponseEntity<IssuedUser> createUser(@RequestBody NewUser body) {
        UserAccounts.Issued issued = accounts.create(body.username(), role(body.role()));
        audit.record("user.create", issued.account().username() + " as " + issued.account().role());
        return ResponseEntity.created(URI.create("/api/v1/users/" + issued.account().username()))
                .body(new IssuedUser(issued.account(), issued.oneTimePassword()));
    }

    @PatchMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeUser", summary = "Change a user's role or enable/disable the user")
    UserAccounts.Account changeUser(@PathVariable String username, @RequestBody UserChange body) {
        UserAccounts.Account account = accounts.find(username).orElseThrow(() -> new AccountNotFoundException("no user '" + username + "'"));
        if (body.role() != null) {
            account = accounts.setRole(username, role(body.role()));
            audit.record("user.role", account.username() + " is now " + account.role());
        }
        if (body.enabled() != null) {
            account = accounts.setEnabled(username, body.enabled());
            audit.record(body.enabled() ? "user.enable" : "user.disable", account.username());
        }
        return account;
    }

    @PostMapping("/users/{username}/password-reset")
    @Operation(operationId = "resetUserPassword", summary = "Give a user a new one-time password (shown only in this answer)")
    IssuedUser resetPassword(@PathVariable String username) {
        UserAccounts.Issued issued = accounts.resetPassword(username);
        audit.record("user.password-reset", issued.account().username());
        return new IssuedUser(issued.account(), issued.oneTimePassword());
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(operationId = "unlockUser", summary = "Lift a sign-in lock on a user", description = "Forgets the user's failed sign-ins from every address; "
            + "answers whether it was locked.")
    Unlocked unlock(@PathVariable String username) {
        UserAccounts.Account account = accounts.find(username).orElseThrow(() -> new AccountNotFoundException("no user '" + username + "'"));
        boolean wasLocked = throttle.unlockAccount(account.username());
        audit.record("user.unlock", account.username() + (wasLocked ? " (was locked)" : " (was not locked)"));
        return new Unlocked(account.username(), wasLocked);
    }

    @GetMapping("/sign-in-locks")
    @Operation(operationId = "listSignInLocks", summary = "Usernames and addresses locked now after failed sign-ins or wrong API keys, with when each lock ends")
    List<SignInThrottle.Lock> signInLocks() {
        return throttle.locks();
    }

    @DeleteMapping("/sign-in-locks")
    @Operation(operationId = "unlockAddress", summary = "Lift the locks on an address (password sign-ins and wrong API keys)")
    Unlocked unlockAddress(@RequestParam String address) {
        if (address.isBlank() || address.length() > 64) throw new AccountException("address must be 1 to 64 characters", "address");
        boolean wasLocked = throttle.unlockAddress(address.strip());
        audit.record("address.unlock", address.strip() + (wasLocked ? " (was locked)" : " (was not locked)"));
        return new Unlocked(address.strip(), wasLocked);
    }

    @GetMapping("/api-keys")
    @Operation(operationId = "listApiKeys", summary = "Every API key (name, prefix, role, who created it, last use, revocation); never the key")
    List<ApiKeys.ApiKey> apiKeys() {
        return keys.list();
    }

    @PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "The key is in this answer only: it is stored hashed and cannot be read "
            + "again. Send it as the X-API-Key header.")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new key", schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<CreatedKey> createKey(@RequestBody NewKey body, Authentication auth) {
        ApiKeys.Created created = keys.create(body.name(), role(body.role()), auth.getName());
        audit.record("api-key.create", "'" + created.key().name() + "' (" + created.key().prefix() + "...) as " + created.key().role());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
                .body(new CreatedKey(created.key(), created.secret(), "shown once: store it now; send it as the X-API-Key header"));
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key; it stops working at once")
    ApiKeys.ApiKey revokeKey(@PathVariable long id, Authentication auth) {
        ApiKeys.ApiKey key = keys.revoke(id, auth.getName());
        audit.record("api-key.revoke", "'" + key.name() + "' (" + key.prefix() + "...)");
        return key;
    }

    @GetMapping("/audit")
    @Operation(operationId = "listAuditEvents", summary = "The newest audit entries: who uploaded, ran, reloaded or deleted what, and when")
    List<AuditLog.Event> audit(@Parameter(description = "how many of the newest entries",
                                          schema = @Schema(minimum = "1", maximum = "" + AuditLog.MAX_RECENT, defaultValue = "200"))
                               @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > AuditLog.MAX_RECENT) {
            throw new AccountException("limit must be between 1 and " + AuditLog.MAX_RECENT, "limit");
        }
        return audit.recent(limit);
    }

    private static Role role(String name) {
        if (name == null) throw new AccountException("role is required: VIEWER, ANALYST or ADMIN", "role");
        try {
            return Role.parse(name);
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage(), "role");
        }
    }
}
