package com.thesisscreener;

import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleSetCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The one running service every end-to-end test shares, started once and cached between the test classes: an
 * in-memory database, a known ADMIN password, low sign-in limits so the security tests reach them quickly, no
 * sample portfolio (a test uploads what it needs), and a copy of the shipped rules that tests may edit. The folder is
 * checked only when a test asks ({@link ActiveRules#poll()}), so no check runs behind a test's back. After each test class the copy is put back to the shipped rules and reloaded, so no class
 * sees another's rule edits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:service;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
        "screener.sample-portfolio=",
        "screener.rules-poll-interval=1h",
        "screener.admin.password=" + ServiceTest.ADMIN_PASSWORD,
        "screener.security.max-failed-sign-ins=3",
        "screener.security.max-failed-sign-ins-per-address=12",
        "screener.security.max-wrong-api-keys=5"})
@ContextConfiguration(initializers = ServiceTest.CopiedRules.class)
@ExtendWith(ServiceTest.ShippedRulesRestored.class)
public @interface ServiceTest {

    /** The first administrator's password, configured instead of a printed one-time password. */
    String ADMIN_PASSWORD = "service-admin-password-1";

    /** The rules folder the service reads: a copy of the shipped rules, made once per test run. */
    final class CopiedRules implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        public static final Path FOLDER = copyOf(Path.of("rules"));

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("screener.rules-dir=" + FOLDER).applyTo(context);
        }

        private static Path copyOf(Path shipped) {
            try {
                Path folder = Files.createTempDirectory("screener-rules-");
                for (Path file : files(shipped)) Files.copy(file, folder.resolve(file.getFileName()));
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<Path> files(Path folder) {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Puts the copied rules back to the shipped ones (and makes them live) when a test class edited them. */
    final class ShippedRulesRestored implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            Path shipped = Path.of("rules");
            boolean same = CopiedRules.files(shipped).size() == CopiedRules.files(CopiedRules.FOLDER).size();
            for (Path file : CopiedRules.files(shipped)) {
                Path copy = CopiedRules.FOLDER.resolve(file.getFileName());
                same &= Files.exists(copy) && Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(copy));
            }
            ActiveRules rules = SpringExtension.getApplicationContext(context).getBean(ActiveRules.class);
            String shippedVersion = RuleSetCompiler.versionOf(RuleSetCompiler.read(shipped));
            if (same && rules.current().version().equals(shippedVersion)) return;
            for (Path file : CopiedRules.files(CopiedRules.FOLDER)) Files.delete(file);
            for (Path file : CopiedRules.files(shipped)) Files.copy(file, CopiedRules.FOLDER.resolve(file.getFileName()));
            rules.reload();
        }
    }

}
