package com.thesisscreener.proposals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one running service the proposal tests share (REST and browser): an in-memory database, the sample
 * portfolio for impact previews, a known ADMIN password, and a copy of the shipped rules, since an approval
 * writes the activated set into the rules folder.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rule-proposals;DB_CLOSE_DELAY=-1",
        "screener.admin.password=" + ProposalsTestContext.ADMIN_PASSWORD})
@ContextConfiguration(initializers = ProposalsTestContext.CopiedRules.class)
public @interface ProposalsTestContext {

    String ADMIN_PASSWORD = "proposals-admin-password-1";

    /** Points {@code screener.rules-dir} at a fresh copy of the shipped rules. */
    class CopiedRules implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path folder = Files.createTempDirectory("rule-proposals-");
                try (var files = Files.list(Path.of("rules"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, folder.resolve(file.getFileName()));
                }
                TestPropertyValues.of("screener.rules-dir=" + folder).applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
