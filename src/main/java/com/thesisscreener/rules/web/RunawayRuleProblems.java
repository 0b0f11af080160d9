package com.thesisscreener.rules.web;

import com.thesisscreener.screening.ScreeningLimitExceededException;
import com.thesisscreener.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rule that did not finish within the screening bounds (or threw while scoring) stops whatever screened with
 * it, a score call, an upload or a preview: the caller learns which rule, and that nothing was stored.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RunawayRuleProblems {

    private static final Logger log = LoggerFactory.getLogger(RunawayRuleProblems.class);

    @ExceptionHandler(ScreeningLimitExceededException.class)
    ProblemDetail runaway(ScreeningLimitExceededException e) {
        log.warn("Screening stopped by its bounds: {}", e.getMessage());
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "runaway-rules", "The rules did not finish", e.getMessage()
                + "; nothing was stored. Fix the rule (see GET /api/v1/rules) and try again.");
    }
}
