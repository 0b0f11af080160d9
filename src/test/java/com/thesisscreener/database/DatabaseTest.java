package com.thesisscreener.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that touches the database: it runs on H2 in Maven's default pass and again on PostgreSQL in the
 * {@code postgresql} pass (see {@link TestDatabase}). In that pass it is skipped, with the reason, when no
 * PostgreSQL answers, and fails when {@code SCREENER_TEST_POSTGRES_URL} says one was expected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("database")
@ExtendWith(PostgresReachable.class)
public @interface DatabaseTest {
}
