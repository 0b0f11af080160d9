package com.thesisscreener.portfolio.web;

import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.portfolio.NothingToScreenException;
import com.thesisscreener.web.Problems;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Why a portfolio file was not stored, as problem documents: a file that cannot be read at all, or one in which
 * no row could be screened (each bad cell named by sheet, row and column). Any endpoint taking a file
 * (uploads, upload jobs, rule previews) answers with these.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class PortfolioProblems {

    /** The most row problems one answer lists; the rest are counted in the detail. */
    private static final int MOST_PROBLEMS_LISTED = 100;

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadableFile(UnreadableFileException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_A_SPREADSHEET, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = Problems.of(status, "unreadable-file", "The file cannot be imported", e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(NothingToScreenException.class)
    ProblemDetail nothingToScreen(NothingToScreenException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-screen", "No row could be screened", e.getMessage());
        problem.setProperty("problems", e.problems().stream().limit(MOST_PROBLEMS_LISTED).map(PortfolioProblems::describe).toList());
        return problem;
    }

    static Map<String, Object> describe(RowProblem p) {
        return Map.of("sheet", String.valueOf(p.sheet()), "row", p.row(), "column", String.valueOf(p.column()),
                "header", String.valueOf(p.header()), "value", String.valueOf(p.value()), "expected", String.valueOf(p.expected()),
                "message", p.message());
    }
}
