package com.thesisscreener.ui;

import com.thesisscreener.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Who is looking at a page, and what the page may offer them. */
public record CurrentUser(String name, Role role) {

    static CurrentUser of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return null;
        Role role = Role.VIEWER;
        for (var authority : auth.getAuthorities()) {
            String a = authority.getAuthority();
            if (a != null && a.startsWith("ROLE_")) {
                try {
                    Role r = Role.valueOf(a.substring(5));
                    if (r.includes(role)) role = r;
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return new CurrentUser(auth.getName(), role);
    }

    public boolean analyst() {
        return role.includes(Role.ANALYST);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
