package org.tongxin.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tongxin.shared.error.ProblemFactory;
import org.tongxin.shared.security.PublicEndpoint;

/**
 * Errors that never reached a controller (unknown paths, refused requests, errors sent by filters) end here:
 * a problem for API callers, the error page for people. Replaces Boot's whitelabel page.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ProblemFactory problems;

    ErrorPageController(ProblemFactory problems) {
        this.problems = problems;
    }

    @PublicEndpoint
    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        ProblemDetail problem = (ProblemDetail) request.getAttribute(ProblemFactory.PROBLEM_ATTRIBUTE);
        if (problem == null) {
            HttpStatus status = statusOf(request);
            problem = problems.create(request, status, codeFor(status), new Object[0], List.of());
        }
        if (ProblemFactory.isApi(request)) {
            problems.write(response, problem);
            return null;
        }
        response.setStatus(problem.getStatus());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("problem", problem);
        model.addAttribute(
                "code",
                problem.getProperties() == null ? null : problem.getProperties().get(ProblemFactory.CODE));
        return "error";
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case BAD_REQUEST -> "BAD_REQUEST";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }
}
