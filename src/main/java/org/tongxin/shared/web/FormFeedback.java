package org.tongxin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;

/**
 * Puts a refusal into a form page's model: {@code errors} (field → messages) for inline feedback next to each
 * field, and {@code formError} for what belongs to no single field — in the reader's language.
 */
@Component
public class FormFeedback {

    private final MessageSource messages;

    FormFeedback(MessageSource messages) {
        this.messages = messages;
    }

    public void apply(TongxinException e, Model model) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.fieldProblems()) {
            errors.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(message("validation." + p.code(), p.args()));
        }
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute("formError", message("error." + e.code(), e.args()));
        } else {
            model.addAttribute("formError", message("error.VALIDATION_FAILED"));
        }
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
