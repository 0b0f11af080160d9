package com.thesisscreener.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * First start with an empty user table: an administrator is created, with the configured password or else a
 * one-time password printed once and stored hashed, which must be changed at the first sign-in. (That a one-time
 * password is refused with 403 until it is changed is shown over HTTP in SecurityEndToEndTest.)
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private JdbcClient jdbc;
    private UserAccounts accounts;

    @BeforeEach
    void anEmptyDatabase() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:first-admin-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        accounts = new UserAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Test
    void withoutAConfiguredPasswordTheFirstStartPrintsAOneTimePasswordStoredOnlyHashed(CapturedOutput output) {
        new FirstAdmin(accounts, new FirstAdminSettings("admin", "")).afterSingletonsInstantiated();

        Matcher printed = Pattern.compile("password: (\\S{23})").matcher(output.getAll());
        assertThat(printed.find()).as("the one-time password is printed: %s", output.getAll()).isTrue();
        String password = printed.group(1);
        UserAccounts.Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(storedHash()).startsWith("{bcrypt}").doesNotContain(password);

        accounts.changePassword("admin", password, "a-password-of-my-own");
        assertThat(accounts.find("admin").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void aConfiguredPasswordIsUsedAsItIsAndNothingIsPrinted(CapturedOutput output) {
        new FirstAdmin(accounts, new FirstAdminSettings("chief", "configured-password-1")).afterSingletonsInstantiated();

        assertThat(accounts.find("chief").orElseThrow().mustChangePassword()).isFalse();
        assertThat(output.getAll()).doesNotContain("password: ");
        assertThat(storedHash()).startsWith("{bcrypt}").doesNotContain("configured-password-1");
    }

    @Test
    void onceAnyUserExistsNoAdministratorIsCreated() {
        accounts.createWithPassword("someone", Role.VIEWER, "someone-password-1");

        new FirstAdmin(accounts, new FirstAdminSettings("admin", "")).afterSingletonsInstantiated();

        assertThat(accounts.find("admin")).isEmpty();
    }

    private String storedHash() {
        return jdbc.sql("select password_hash from app_user where role = 'ADMIN'").query(String.class).single();
    }
}
