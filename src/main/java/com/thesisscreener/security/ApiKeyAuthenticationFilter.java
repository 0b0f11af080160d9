package com.thesisscreener.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-API-Key}: a valid, unrevoked key signs the request in as
 * {@code api-key:NAME} with the key's role, for this request only (nothing is kept in a session). A wrong
 * key is a 401 at once, whatever else the request carries; once an address has sent too many wrong keys, its wrong
 * keys get 429 with Retry-After ({@link SignInThrottle}). A valid key costs no write beyond its last-use minute.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final RequestAttributeSecurityContextRepository REQUEST_CONTEXT = new RequestAttributeSecurityContextRepository();

    private final ApiKeys keys;
    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, SignInThrottle throttle, ProblemResponses problems) {
        this.keys = keys;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(ApiKeys.HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.authenticate(secret.strip());
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            var lockedUntil = throttle.wrongApiKey(request.getRemoteAddr());
            if (lockedUntil.isPresent()) problems.tooManyWrongKeys(request, response, lockedUntil.get());
            else problems.commence(request, response, new BadCredentialsException("unknown or revoked API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-key:" + key.get().name(), null,
                List.of(new SimpleGrantedAuthority(key.get().role().authority()))));
        SecurityContextHolder.setContext(context);
        // Kept on the request too, as HTTP Basic does: a streamed download finishes in an async dispatch, which this
        // filter does not see again, and was refused there (403 after the 200 had started).
        REQUEST_CONTEXT.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
