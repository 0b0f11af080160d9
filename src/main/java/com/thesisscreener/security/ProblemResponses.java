package com.thesisscreener.security;

import com.thesisscreener.web.Problems;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for the REST API as RFC 9457 problem documents, in the same shape as every other error of the
 * API: {@code type} {@code /problems/unauthorized} or {@code /problems/forbidden}, a title and a detail that
 * says what to do.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "ApiKey realm=\"thesis-screener\", header=\"" + ApiKeys.HEADER + "\"";

    private final ApiAuthorization rules;

    ProblemResponses(ApiAuthorization rules) {
        this.rules = rules;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail;
        if (e instanceof SignInLockedException locked) {
            detail = e.getMessage();
            response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds(Instant.now())));
        } else if (e instanceof LockedException) {
            detail = e.getMessage();
        } else if (request.getHeader(ApiKeys.HEADER) != null) {
            detail = "the API key in " + ApiKeys.HEADER + " is not valid or was revoked; ask an ADMIN for a new one";
        } else if (request.getHeader("Authorization") != null) {
            detail = "wrong username or password, or the account is disabled";
        } else {
            detail = "sign in first: send an API key in the " + ApiKeys.HEADER + " header, or a username and password with HTTP Basic";
        }
        response.setHeader("WWW-Authenticate", CHALLENGE);
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, request, null);
    }

    /** 429 for a client that sent too many wrong API keys; Retry-After says when its wrong keys count again. */
    void tooManyWrongKeys(HttpServletRequest request, HttpServletResponse response, Instant until) throws IOException {
        long seconds = Math.max(1, (Duration.between(Instant.now(), until).toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many wrong API keys",
                "too many wrong API keys from this address; wait " + seconds + " seconds before trying again, and check that "
                        + ApiKeys.HEADER + " holds a key an ADMIN issued and did not revoke", request, null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            commence(request, response, new org.springframework.security.authentication.InsufficientAuthenticationException("anonymous"));
            return;
        }
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "csrf", "Missing or invalid CSRF token",
                    "a signed-in browser session must send the page's CSRF token in the X-CSRF-TOKEN header; scripts and other "
                            + "clients should use an API key (" + ApiKeys.HEADER + ") or HTTP Basic instead", request, null);
            return;
        }
        Role needed = rules.required(request);
        String role = auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).findFirst().orElse("none");
        String detail = "'" + auth.getName() + "' has role " + role + "; " + request.getMethod() + " " + request.getRequestURI()
                + (needed == null ? " is not allowed" : " needs " + needed);
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, request, needed);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                              HttpServletRequest request, Role needed) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (needed != null) problem.setProperty("requiredRole", needed.name());
        Problems.write(response, problem);
    }
}
