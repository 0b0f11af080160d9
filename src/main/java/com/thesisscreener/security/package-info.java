/**
 * Sign-in and roles: people (form sign-in, HTTP Basic) and API keys ({@code X-API-Key}), the VIEWER &lt;
 * ANALYST &lt; ADMIN roles, throttled sign-in, 401/403 problem documents for the REST API, the first
 * administrator, and the audit log of uploads, runs, rule reloads and deletions.
 */
package com.thesisscreener.security;
