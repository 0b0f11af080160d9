package com.thesisscreener.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains:
 * <ul>
 * <li>REST ({@code /api/**}, {@code /actuator/**}, {@code /v3/api-docs}): API key ({@code X-API-Key}), HTTP Basic, or
 * the browser session of a signed-in user (then with its CSRF token); no session is ever created here; 401 and
 * 403 are problem documents; who may call what is {@link ApiAuthorization}.</li>
 * <li>Swagger UI: open (it only shows the API description; every call it makes needs credentials).</li>
 * <li>Pages: form sign-in with CSRF, throttled; everything but the sign-in page and static files needs a
 * signed-in user.</li>
 * </ul>
 * Every chain sends a Content-Security-Policy without inline script, denies framing and sets nosniff.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, {bcrypt} prefixed
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: the wrapping took about
     * half of every API request in a profile (docs/performance.md). Each request is still measured as a whole
     * ({@code http.server.requests}); sign-in failures and locks are in the audit log and the throttle's own metrics.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.ANALYST.name())
                .role(Role.ANALYST.name()).implies(Role.VIEWER.name())
                .build();
    }

    private static AuthenticationManager authenticationManager(UserAccounts accounts, SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder());
        return new ProviderManager(throttle.guarding(passwords));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserAccounts accounts, ApiKeys keys, SignInThrottle throttle) throws Exception {
        ApiAuthorization authorization = new ApiAuthorization();
        ProblemResponses problems = new ProblemResponses(authorization);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
                .authenticationManager(authenticationManager(accounts, throttle))
                .authorizeHttpRequests(authorization::apply)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, throttle, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(accounts, true), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::browserSessionWrite))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain docsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_CSP)).frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, UserAccounts accounts, SignInThrottle throttle) throws Exception {
        http.authenticationManager(authenticationManager(accounts, throttle))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/docs/**", "/favicon.ico", "/error", "/denied").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/portfolios/*/delete", "/rules/reload").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/portfolios/upload", "/portfolios/*/runs", "/rules/validate", "/rules/preview").hasRole(Role.ANALYST.name())
                        .requestMatchers(HttpMethod.POST, "/rules/proposals", "/rules/proposals/*/*").hasRole(Role.ANALYST.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/password", "/logout").authenticated()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/portfolios", false).failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .addFilterAfter(new PasswordChangeFilter(accounts, false), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A write to the REST API needs the CSRF token only when it rides on a browser session cookie: requests with
     * an API key or an Authorization header carry their own credentials, which a browser never adds by itself.
     */
    static boolean browserSessionWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(ApiKeys.HEADER) == null
                && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null;
    }

    /** For tests and documentation: the matcher used to decide when the REST API checks CSRF. */
    static RequestMatcher csrfMatcher() {
        return SecurityConfiguration::browserSessionWrite;
    }
}
