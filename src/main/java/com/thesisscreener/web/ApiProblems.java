package com.thesisscreener.web;

import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.portfolio.UnreadableFileException;
import com.thesisscreener.portfolio.store.NothingToScreenException;
import com.thesisscreener.portfolio.store.PortfolioNotFoundException;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as an RFC 9457 problem document: a type, a title, a detail a person can act on, and the
 * field (or sheet, row and column) at fault. Never a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        if (e.field() != null) problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(PortfolioNotFoundException.class)
    ProblemDetail notFound(PortfolioNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadableFile(UnreadableFileException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_A_SPREADSHEET, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = problem(status, "unreadable-file", "The file cannot be imported", e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(NothingToScreenException.class)
    ProblemDetail nothingToScreen(NothingToScreenException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-screen", "No row could be screened", e.getMessage());
        problem.setProperty("problems", e.problems().stream().limit(100).map(ApiProblems::describe).toList());
        return problem;
    }

    @ExceptionHandler(ScreeningLimitExceededException.class)
    ProblemDetail runaway(ScreeningLimitExceededException e) {
        log.warn("Screening stopped by its bounds: {}", e.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "runaway-rules", "The rules did not finish", e.getMessage()
                + "; nothing was stored. Fix the rule (see GET /api/v1/rules) and try again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error serving a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; the error has been logged. Nothing was stored by this request.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JacksonException jackson) {
            String field = path(jackson);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-json", "Invalid JSON", JsonErrors.explain(jackson, field));
            String named = JsonErrors.fieldAtFault(jackson, field);
            if (!named.isEmpty()) problem.setProperty("field", named);
            return ResponseEntity.badRequest().body(problem);
        }
        boolean empty = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-json", "Invalid JSON",
                empty ? "the request body is empty; send a JSON body" : "the request body is not valid JSON for this call"));
    }

    /** Spring's own problem documents (missing parameter, wrong media type...) pass here: no Java name gets out. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) problem.setDetail(JsonErrors.readable(problem.getDetail()));
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                         HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                "The file is too large", "the upload is larger than this service accepts; split the portfolio or raise screener.max-upload"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : JsonErrors.describe(e.getRequiredType());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "'" + JsonErrors.shorten(String.valueOf(e.getValue())) + "' is not a valid " + expected + " for " + e.getName());
        problem.setProperty("field", e.getName());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    static Map<String, Object> describe(RowProblem p) {
        return Map.of("sheet", String.valueOf(p.sheet()), "row", p.row(), "column", String.valueOf(p.column()),
                "header", String.valueOf(p.header()), "value", String.valueOf(p.value()), "expected", String.valueOf(p.expected()),
                "message", p.message());
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
