package com.thesisscreener.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what in the REST API, by method and path; the first rule that matches decides. A role includes
 * the roles below it. Anything not listed needs ADMIN, so a new endpoint is closed until someone opens it here.
 */
final class ApiAuthorization {

    /** One rule: {@code role} null means open to everyone. */
    record Rule(HttpMethod method, String pattern, Role role) {
        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            // documentation and health: open
            new Rule(HttpMethod.GET, "/actuator/health", null),
            new Rule(HttpMethod.GET, "/actuator/health/**", null),
            new Rule(HttpMethod.GET, "/actuator/info", null),
            new Rule(HttpMethod.GET, "/v3/api-docs", null),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", null),
            new Rule(null, "/actuator/**", Role.ADMIN),
            // accounts, keys and the audit log
            new Rule(null, "/api/v1/users", Role.ADMIN),
            new Rule(null, "/api/v1/users/**", Role.ADMIN),
            new Rule(null, "/api/v1/api-keys", Role.ADMIN),
            new Rule(null, "/api/v1/api-keys/**", Role.ADMIN),
            new Rule(null, "/api/v1/sign-in-locks", Role.ADMIN),
            new Rule(null, "/api/v1/sign-in-locks/**", Role.ADMIN),
            new Rule(null, "/api/v1/audit", Role.ADMIN),
            new Rule(null, "/api/v1/audit/**", Role.ADMIN),
            // your own account: any signed-in user
            new Rule(HttpMethod.GET, "/api/v1/me", Role.VIEWER),
            // scoring stores nothing: a VIEWER may score
            new Rule(HttpMethod.POST, "/api/v1/score", Role.VIEWER),
            new Rule(HttpMethod.POST, "/api/v1/score/**", Role.VIEWER),
            // portfolios
            new Rule(HttpMethod.POST, "/api/v1/portfolios", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/uploads", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/portfolios/*/runs", Role.ANALYST),
            new Rule(HttpMethod.DELETE, "/api/v1/portfolios/**", Role.ADMIN),
            // rules
            new Rule(HttpMethod.POST, "/api/v1/rules/reload", Role.ADMIN),
            new Rule(HttpMethod.POST, "/api/v1/rules/validate", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/rules/preview", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/rules/versions/*/restore", Role.ADMIN),
            // rule proposals: analysts propose; who may approve or reject is screener.rules.approver-role, checked by Proposals
            new Rule(HttpMethod.POST, "/api/v1/rules/proposals", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/rules/proposals/*/*", Role.ANALYST),
            // reading anything else
            new Rule(HttpMethod.GET, "/api/**", Role.VIEWER),
            new Rule(HttpMethod.HEAD, "/api/**", Role.VIEWER),
            new Rule(null, "/api/**", Role.ADMIN));

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : RULES) {
            var matched = registry.requestMatchers(rule.matcher());
            if (rule.role() == null) matched.permitAll();
            else matched.hasRole(rule.role().name());
        }
        registry.anyRequest().hasRole(Role.ADMIN.name());
    }

    /** The role the first matching rule asks for; null when the call is open. */
    Role required(HttpServletRequest request) {
        for (Rule rule : RULES) {
            if (rule.matcher().matches(request)) return rule.role();
        }
        return Role.ADMIN;
    }
}
