package com.thesisscreener.proposals;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a proposal action was refused, answered as a problem document: {@code type} becomes {@code /problems/TYPE};
 * {@code details} are added as properties (the errors of a set that does not validate, the files in conflict).
 */
public class ProposalProblem extends RuntimeException {

    final HttpStatus status;
    final String type;
    final String title;
    final transient Map<String, Object> details;

    ProposalProblem(HttpStatus status, String type, String title, String detail, Map<String, Object> details) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.details = details;
    }

    ProposalProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    /** The HTTP status the refusal is answered with. */
    public HttpStatus status() {
        return status;
    }

    static ProposalProblem notFound(long id) {
        return new ProposalProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no rule proposal " + id);
    }

    static ProposalProblem forbidden(String detail) {
        return new ProposalProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    static ProposalProblem conflict(String type, String title, String detail) {
        return new ProposalProblem(HttpStatus.CONFLICT, type, title, detail);
    }
}
