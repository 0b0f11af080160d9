package com.thesisscreener.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who may sign in: name, role, password hash (bcrypt), enabled, and whether the password is one-time. */
@Service
public class UserAccounts implements UserDetailsService {

    /** Shortest password accepted when someone chooses one. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock = Clock.systemUTC();

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A user as shown to an administrator (never the hash). */
    public record Account(long id, String username, Role role, boolean enabled, boolean mustChangePassword, Instant createdAt,
                          Instant passwordChangedAt) {
    }

    /** A user just created or whose password was reset, with the one-time password to hand over (shown once). */
    public record Issued(Account account, String oneTimePassword) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String username, String hash, String role, boolean enabled) {
        }
        return jdbc.sql("select username, password_hash, role, enabled from app_user where username = ?")
                .param(normalise(username))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional()
                .map(r -> User.withUsername(r.username()).password(r.hash()).roles(r.role()).disabled(!r.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public List<Account> list() {
        return jdbc.sql("select * from app_user order by username").query(UserAccounts::account).list();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(normalise(username)).query(UserAccounts::account).optional();
    }

    public boolean mustChangePassword(String username) {
        return find(username).map(Account::mustChangePassword).orElse(false);
    }

    /** Creates a user with a random one-time password, to be changed at the first sign-in. */
    @Transactional
    public Issued create(String username, Role role) {
        String password = randomPassword();
        Account account = insert(username, role, password, true);
        return new Issued(account, password);
    }

    /** Creates a user with a password chosen by an administrator's configuration (not one-time). */
    @Transactional
    public Account createWithPassword(String username, Role role, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("the configured password needs at least " + MIN_PASSWORD_LENGTH + " characters", "password");
        }
        return insert(username, role, password, false);
    }

    @Transactional
    public Account setRole(String username, Role role) {
        Account account = existing(username);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) requireAnotherAdmin(account);
        jdbc.sql("update app_user set role = ? where id = ?").params(role.name(), account.id()).update();
        return existing(username);
    }

    @Transactional
    public Account setEnabled(String username, boolean enabled) {
        Account account = existing(username);
        if (!enabled && account.role() == Role.ADMIN) requireAnotherAdmin(account);
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, account.id()).update();
        return existing(username);
    }

    /** A new one-time password for someone who forgot theirs. */
    @Transactional
    public Issued resetPassword(String username) {
        Account account = existing(username);
        String password = randomPassword();
        jdbc.sql("update app_user set password_hash = ?, must_change_password = true, password_changed_at = ? where id = ?")
                .params(encoder.encode(password), Timestamp.from(clock.instant()), account.id()).update();
        return new Issued(existing(username), password);
    }

    /** Changes one's own password after checking the current one. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserDetails user = loadUserByUsername(username);
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPassword())) {
            throw new AccountException("the current password is not right", "currentPassword");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountException("the new password must differ from the current one", "newPassword");
        }
        checkStrength(username, newPassword);
        jdbc.sql("update app_user set password_hash = ?, must_change_password = false, password_changed_at = ? where username = ?")
                .params(encoder.encode(newPassword), Timestamp.from(clock.instant()), normalise(username)).update();
    }

    static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) password.append('-');
            password.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    private Account insert(String username, Role role, String password, boolean oneTime) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("a username is 2 to 64 lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
                    "username");
        }
        if (find(name).isPresent()) throw new AccountException("there is already a user '" + name + "'", "username", true);
        jdbc.sql("""
                        insert into app_user (username, password_hash, role, enabled, must_change_password, created_at)
                        values (?, ?, ?, true, ?, ?)""")
                .params(name, encoder.encode(password), role.name(), oneTime, Timestamp.from(clock.instant()))
                .update();
        return existing(name);
    }

    private void requireAnotherAdmin(Account account) {
        long admins = jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled = true and id <> ?")
                .param(account.id()).query(Long.class).single();
        if (admins == 0) throw new AccountException("'" + account.username() + "' is the last enabled ADMIN; make someone else ADMIN first", "role");
    }

    private static void checkStrength(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters", "newPassword");
        }
        if (password.length() > 128) throw new AccountException("a password has at most 128 characters", "newPassword");
        if (password.toLowerCase(Locale.ROOT).contains(normalise(username))) {
            throw new AccountException("a password must not contain the username", "newPassword");
        }
    }

    private Account existing(String username) {
        return find(username).orElseThrow(() -> new AccountNotFoundException("no user '" + normalise(username) + "'"));
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Timestamp changed = rs.getTimestamp("password_changed_at");
        return new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getTimestamp("created_at").toInstant(), changed == null ? null : changed.toInstant());
    }
}
