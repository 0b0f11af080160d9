package com.thesisscreener.security;

import com.thesisscreener.web.Problems;
import org.springframework.http.HttpStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in with a one-time password must choose their own before anything else: pages redirect
 * to {@code /password}; the REST API answers 403 {@code /problems/password-change-required}.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    static final String PAGE = "/password";
    private static final List<String> ALWAYS_ALLOWED = List.of(PAGE, "/logout", "/login", "/css/", "/js/", "/docs/", "/favicon.ico", "/error",
            "/denied");

    private final UserAccounts accounts;
    private final boolean api;

    PasswordChangeFilter(UserAccounts accounts, boolean api) {
        this.accounts = accounts;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean person = auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated() && auth.getPrincipal() instanceof UserDetails;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!person || ALWAYS_ALLOWED.stream().anyMatch(path::startsWith) || !accounts.mustChangePassword(auth.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                    "'" + auth.getName() + "' still has a one-time password: sign in on the web page and choose a password first, or use an API key"));
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }
}
