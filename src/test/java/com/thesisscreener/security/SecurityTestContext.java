package com.thesisscreener.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one running service the security tests share (one application context, cached between the classes):
 * an in-memory database, a known ADMIN password, and low lock limits so the tests reach them quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security-e2e;DB_CLOSE_DELAY=-1",
        "screener.sample-portfolio=",
        "screener.admin.password=" + SecurityTestContext.ADMIN_PASSWORD,
        "screener.security.max-failed-sign-ins=3",
        "screener.security.max-failed-sign-ins-per-address=12",
        "screener.security.max-wrong-api-keys=5"})
public @interface SecurityTestContext {

    String ADMIN_PASSWORD = "admin-password-for-tests";
}
