package com.thesisscreener.security;

import com.thesisscreener.portfolio.store.PortfolioService;
import com.thesisscreener.portfolio.store.ScreeningRun;
import com.thesisscreener.portfolio.store.StoredPortfolio;
import java.lang.reflect.Method;
import java.util.Set;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Records uploads, runs and deletions of portfolios in the {@link AuditLog} without touching the portfolio
 * code: an advisor around {@link PortfolioService#store}, {@link PortfolioService#rerun} and
 * {@link PortfolioService#delete}, whoever calls them (REST, web pages, the sample loader). Only what
 * succeeded is recorded.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Set<String> AUDITED = Set.of("store", "rerun", "delete");

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor portfolioAuditAdvisor(ObjectProvider<AuditLog> audit) {
        StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return PortfolioService.class.isAssignableFrom(targetClass) && AUDITED.contains(method.getName())
                        && java.lang.reflect.Modifier.isPublic(method.getModifiers());
            }
        };
        advisor.setAdvice((MethodInterceptor) invocation -> audited(invocation, audit));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return advisor;
    }

    private static Object audited(MethodInvocation invocation, ObjectProvider<AuditLog> audit) throws Throwable {
        String method = invocation.getMethod().getName();
        String deleted = null;
        if (method.equals("delete") && invocation.getThis() instanceof PortfolioService service && invocation.getArguments()[0] instanceof Long id) {
            try {
                deleted = describe(service.portfolio(id));
            } catch (RuntimeException notThere) {
                deleted = "portfolio " + id;
            }
        }
        Object result = invocation.proceed();
        AuditLog log = audit.getIfAvailable();
        if (log == null) return result;
        switch (method) {
            case "store" -> {
                if (result instanceof PortfolioService.Created created) {
                    log.record("portfolio.upload", describe(created.portfolio()) + ", " + created.results().size()
                            + " companies screened, run " + created.run().id() + " with rule set " + created.run().ruleSetVersion());
                }
            }
            case "rerun" -> {
                if (result instanceof ScreeningRun run) {
                    log.record("portfolio.run", "portfolio " + run.portfolioId() + ": run " + run.id() + " of " + run.companies()
                            + " companies with rule set " + run.ruleSetVersion());
                }
            }
            case "delete" -> log.record("portfolio.delete", deleted);
            default -> { }
        }
        return result;
    }

    private static String describe(StoredPortfolio p) {
        return "portfolio " + p.id() + " '" + p.name() + "' (" + p.fileName() + ")";
    }
}
