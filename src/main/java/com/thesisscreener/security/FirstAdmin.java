package com.thesisscreener.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no user in the database, creates the ADMIN {@code screener.admin.username}
 * ({@code admin}). Its password is {@code screener.admin.password} when configured; otherwise a random
 * one-time password, printed once to the log, which must be changed at the first sign-in. No default
 * password is ever shipped. Runs before the server accepts requests.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final FirstAdminSettings settings;

    FirstAdmin(UserAccounts accounts, FirstAdminSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.count() > 0) return;
        String username = settings.username() == null || settings.username().isBlank() ? "admin" : settings.username();
        if (settings.password() != null && !settings.password().isBlank()) {
            accounts.createWithPassword(username, Role.ADMIN, settings.password());
            log.info("Created the administrator '{}' with the password from screener.admin.password", UserAccounts.normalise(username));
            return;
        }
        UserAccounts.Issued issued = accounts.create(username, Role.ADMIN);
        log.warn("""

                ==========================================================================
                  No user existed, so an administrator was created. Sign in once with
                    username: {}
                    password: {}
                  You will be asked to choose your own password. This one-time password
                  is shown only now; it is stored hashed and cannot be read again.
                ==========================================================================""",
                issued.account().username(), issued.oneTimePassword());
    }
}
