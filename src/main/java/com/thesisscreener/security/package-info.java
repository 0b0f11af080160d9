/**
 * Sign-in and roles: people (form sign-in, HTTP Basic) and API keys ({@code X-API-Key}), the VIEWER &lt; ANALYST
 * &lt; ADMIN roles, throttled sign-in, 401/403 problem documents, the first administrator, and the audit log,
 * which listens to portfolio and rule events.
 */
@ApplicationModule(displayName = "Security and audit", allowedDependencies = {"portfolio", "rules", "web"})
package com.thesisscreener.security;

import org.springframework.modulith.ApplicationModule;
