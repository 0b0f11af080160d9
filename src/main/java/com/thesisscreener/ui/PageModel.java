package com.thesisscreener.ui;

import com.thesisscreener.web.InvalidRequestException;
import com.thesisscreener.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs (the signed-in user for the navigation) and error pages instead of JSON for the browser. */
@ControllerAdvice(basePackages = "com.thesisscreener.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    private static final Logger log = LoggerFactory.getLogger(PageModel.class);

    @ModelAttribute("me")
    CurrentUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return CurrentUser.of(auth);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("me", me());
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.web.servlet.resource.NoResourceFoundException
                || e instanceof org.springframework.web.bind.MissingServletRequestParameterException
                || e instanceof IllegalArgumentException
                || e instanceof InvalidRequestException
                || e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException) {
            response.setStatus(e instanceof org.springframework.web.servlet.resource.NoResourceFoundException ? 404
                    : e instanceof org.springframework.security.access.AccessDeniedException ? 403 : 400);
            model.addAttribute("me", me());
            model.addAttribute("title", response.getStatus() == 404 ? "Not found" : response.getStatus() == 403 ? "Not allowed" : "Bad request");
            model.addAttribute("message", response.getStatus() == 400 ? "The address is not right: " + e.getMessage() : "There is nothing for you here.");
            return "problem";
        }
        log.error("Unexpected error rendering a page", e);
        response.setStatus(500);
        model.addAttribute("me", me());
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("message", "The error has been logged. Nothing was changed by this request.");
        return "problem";
    }
}
