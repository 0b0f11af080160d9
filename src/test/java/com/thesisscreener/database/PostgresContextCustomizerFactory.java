package com.thesisscreener.database;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * In the PostgreSQL pass, points every Spring test context at PostgreSQL: the H2 in-memory database a test names
 * ({@code jdbc:h2:mem:NAME} in its test properties) becomes the schema {@link TestDatabase#schemaFor NAME}; a test
 * that names none gets a schema after its class. Registered in {@code META-INF/spring.factories} of the test
 * resources; does nothing on H2.
 */
public final class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    private static final Pattern H2_MEMORY_NAME = Pattern.compile("spring\\.datasource\\.url\\s*[=:]\\s*jdbc:h2:mem:([^;]+)");

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabase.onPostgres() ? new OnPostgres(databaseName(testClass)) : null;
    }

    /** The H2 in-memory database the test's properties name, else the test class's name. */
    private static String databaseName(Class<?> testClass) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        Stream<String> properties = Stream.concat(
                annotations.stream(SpringBootTest.class).flatMap(a -> Stream.of(a.getStringArray("properties"))),
                annotations.stream(TestPropertySource.class).flatMap(a -> Stream.of(a.getStringArray("properties"))));
        return properties.map(H2_MEMORY_NAME::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElse(testClass.getSimpleName());
    }

    /** Keyed by the database name: tests that share an H2 database share a context and a schema, as on H2. */
    private record OnPostgres(String databaseName) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("postgresql test database", TestDatabase.properties(databaseName)));
        }
    }
}
