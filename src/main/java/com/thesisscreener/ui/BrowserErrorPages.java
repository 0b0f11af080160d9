package com.thesisscreener.ui;

import com.thesisscreener.web.InvalidRequestException;
import com.thesisscreener.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An HTML error page for a person in a browser who opens a page address that fails (404, 403, 500) outside the page
 * controllers, e.g. an address that does not exist. REST paths and clients that do not ask for HTML are left to the
 * problem-document handlers, so API clients keep {@code application/problem+json}.
 */
@Component
class BrowserErrorPages implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BrowserErrorPages.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // before the @ExceptionHandler methods, after Boot's error-attribute recorder
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isBrowserPage(request) || isPageController(handler)) return null;
        int status = e instanceof NoResourceFoundException || e instanceof NotFoundException ? 404
                : e instanceof AccessDeniedException ? 403
                : e instanceof InvalidRequestException ? 400
                : e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError() ? known.getStatusCode().value() : 500;
        if (status == 500) log.error("Unexpected error serving a page", e);
        response.setStatus(status);
        return page(status);
    }

    static ModelAndView page(int status) {
        String title = switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 500 -> "Something went wrong";
            default -> "Bad request";
        };
        String message = switch (status) {
            case 404 -> "There is no page at this address. It may have been deleted, or the link is mistyped.";
            case 403 -> "Your role does not allow this page. Ask an administrator if you need it.";
            case 500 -> "The error has been logged. Nothing was changed by this request.";
            default -> "This address cannot be answered as a page. Check the link, or go back and try again.";
        };
        ModelAndView page = new ModelAndView("problem", Map.of("title", title, "message", message, "status", status));
        page.addObject("me", CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()));
        return page;
    }

    /** A page address (not the REST API, its description or the actuator) asked for by something that accepts HTML. */
    static boolean isBrowserPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) return false;
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** Page controllers have their own handlers ({@link PageModel}). */
    private static boolean isPageController(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType().getPackageName().equals(BrowserErrorPages.class.getPackageName());
    }
}
