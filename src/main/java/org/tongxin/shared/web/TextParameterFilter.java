package org.tongxin.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.ProblemFactory;

/**
 * Refuses query and form parameters (names or values) holding a NUL character before any handler reads them (issue 9,
 * item 11): PostgreSQL cannot store or compare such text, so a search for it would fail as a 500. API callers get a 400
 * problem {@code INVALID_CHARACTER} naming the parameter; pages get the error page with the same problem. Runs after
 * the security filters, so an anonymous caller is still told to log in first. Multipart uploads are left to the upload
 * rules; JSON bodies are screened while they are read ({@link InputScreening}).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class TextParameterFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TextParameterFilter.class);

    private final ProblemFactory problems;

    TextParameterFilter(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusedParameter(request.getParameterMap());
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info(
                "{} {} refused: 400 INVALID_CHARACTER in a parameter",
                request.getMethod(),
                ProblemFactory.originalPath(request));
        ProblemDetail problem = problems.create(
                request,
                HttpStatus.BAD_REQUEST,
                "INVALID_CHARACTER",
                new Object[] {refused},
                List.of(new FieldProblem(refused, "character")));
        if (ProblemFactory.isApi(request)) {
            problems.write(response, problem);
        } else {
            request.setAttribute(ProblemFactory.PROBLEM_ATTRIBUTE, problem);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** The first parameter whose name or one of whose values holds a NUL character (its name made printable), else null. */
    static String refusedParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            boolean bad = !InputScreening.acceptableText(p.getKey());
            for (String value : p.getValue()) {
                bad |= !InputScreening.acceptableText(value);
            }
            if (bad) {
                return p.getKey().replace('\u0000', '?');
            }
        }
        return null;
    }
}
