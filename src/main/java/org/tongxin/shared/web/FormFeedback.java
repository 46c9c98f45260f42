package org.tongxin.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;

/**
 * Puts a refusal into a form page's model as {@link FormErrors} ({@code formErrors}): each field's messages for the
 * field fragments, what belongs to no field, and so the error summary — in the reader's language — and gives the
 * response the refusal's status. Page controllers catch {@link TongxinException}, call {@link #apply} and render the
 * form again.
 */
@Component
public class FormFeedback {

    private final MessageSource messages;

    FormFeedback(MessageSource messages) {
        this.messages = messages;
    }

    /** A refusal of the page's only form. */
    public FormErrors apply(TongxinException e, Model model) {
        return apply(e, model, null, null);
    }

    /** A refusal of one of the page's forms, named by its key. */
    public FormErrors apply(TongxinException e, Model model, String formKey) {
        return apply(e, model, formKey, null);
    }

    /**
     * A refusal of one of the page's forms, with the page's own words for a refusal that names no field (such as
     * "someone else changed this case; the page now shows it" for a stale version), when {@code messageKey} is given.
     */
    public FormErrors apply(TongxinException e, Model model, String formKey, String messageKey) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Set<String> generalWording = new HashSet<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (FieldProblem p : e.fieldProblems()) {
            fields.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message(messages, locale));
            if (!p.hasOwnWording(messages, locale)) {
                generalWording.add(p.field());
            }
        }
        List<String> general = new ArrayList<>();
        if (fields.isEmpty()) {
            general.add(
                    messageKey != null
                            ? message(messageKey)
                            : message("error." + e.code(), Formats.arguments(e.args(), locale)));
        }
        Map<String, String> submitted = new LinkedHashMap<>();
        ServletRequestAttributes attributes =
                RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a : null;
        if (attributes != null) {
            attributes.getRequest().getParameterMap().forEach((name, values) -> {
                if (values.length > 0
                        && !name.startsWith("_")
                        && !name.toLowerCase(Locale.ROOT).contains("password")) {
                    submitted.put(name, values[0]);
                }
            });
        }
        FormErrors errors = new FormErrors(formKey, fields, general, generalWording, submitted);
        expose(errors, model);
        // The page comes back with the refusal's status (400, 409, 422): a refused form is never a 200.
        if (attributes != null
                && attributes.getResponse() != null
                && !attributes.getResponse().isCommitted()) {
            attributes.getResponse().setStatus(e.status().value());
        }
        return errors;
    }

    /** For templates: {@code ${formErrors ?: @formFeedback.none}} when a page has not been refused. */
    public FormErrors getNone() {
        return FormErrors.NONE;
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private void expose(FormErrors errors, Model model) {
        model.addAttribute(FormErrors.ATTRIBUTE, errors);
        // Still read by templates written before the field fragments (fragments/forms :: feedback): the same messages.
        model.addAttribute("errors", errors.fields());
    }
}
