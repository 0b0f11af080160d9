package com.thesisscreener.security;

import com.thesisscreener.web.Problems;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents for the account endpoints, in the shape of every other API error. */
@RestControllerAdvice(assignableTypes = AccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler(AccountException.class)
    ProblemDetail invalid(AccountException e) {
        ProblemDetail problem = Problems.of(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.conflict() ? "conflict" : "invalid-request", e.conflict() ? "Conflict" : "Invalid request", e.getMessage());
        if (e.field() != null) problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail notFound(AccountNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

}
