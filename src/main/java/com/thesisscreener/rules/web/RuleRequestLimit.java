package com.thesisscreener.rules.web;

import com.thesisscreener.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rule files sent over REST (JSON or multipart) are refused above a size before their body is read: a rule
 * set is a few tens of KB, and reading an unbounded body is a way to exhaust memory.
 */
@Configuration
class RuleRequestLimit implements WebMvcConfigurer {

    /** Most bytes one request of rule files may carry; the shipped set is under 50 KB. */
    static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getContentLengthLong() > MAX_REQUEST_BYTES) throw new RuleFilesTooLargeException(request.getContentLengthLong());
                return true;
            }
        }).addPathPatterns("/api/v1/rules/**");
    }

    static final class RuleFilesTooLargeException extends RuntimeException {
        RuleFilesTooLargeException(long bytes) {
            super("the rule files sent are " + bytes / 1024 + " KB; at most " + MAX_REQUEST_BYTES / 1024
                    + " KB of rule files are accepted in one request (a rule set is a few tens of KB)");
        }
    }

    @RestControllerAdvice // every controller under /api/v1/rules (rule proposals too), before the catch-all advice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TooLargeProblems {
        @ExceptionHandler(RuleFilesTooLargeException.class)
        ProblemDetail tooLarge(RuleFilesTooLargeException e) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "rule-files-too-large", "Rule files too large", e.getMessage());
        }
    }
}
