package org.tongxin.shared.web;

import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;

/**
 * Runs a form page's command the one way every page does (ADR 0051): the command; then the wait for the reactions to
 * the events it published ({@link EventQuiescence#settle()}, ADR 0015), the notice the next page shows and the
 * redirect; or, when the command is refused, the refusal in the form ({@link FormFeedback#apply}: each field's
 * messages, the refusal's status, never a 200) and the page again. A refusal the form cannot show (no lawful role:
 * 404; no right: 403) is passed on to the error page when the command says so with {@link PageCommand#passOn}.
 *
 * <pre>{@code
 * return commands.run(() -> custody.release(id, version, releasedAt))
 *         .notice("custody.releasedNotice").form("release-" + id).stale("custody.stale").passOn(PageCommands.NOT_FOUND)
 *         .redirectOr("/cases/" + caseId + "/custody", model, redirect, () -> view(caseId, null, model));
 * }</pre>
 */
@Component
public class PageCommands {

    /** The code of a stale version (TongxinException.staleVersion()). */
    public static final String STALE_VERSION = "STALE_VERSION";

    /** Pass on 404: the reader has no lawful role, the error page says so. */
    public static final Predicate<TongxinException> NOT_FOUND = e -> e.status().value() == 404;

    /** Pass on 403: the caller may not ask for this at all, the error page says so. */
    public static final Predicate<TongxinException> FORBIDDEN = e -> e.status().value() == 403;

    /** Pass on 401, 403 and 404: refusals of access, not of the form. */
    public static final Predicate<TongxinException> ACCESS = e -> {
        int status = e.status().value();
        return status == 404 || status == 403 || status == 401;
    };

    /** Pass on all but field problems and rule refusals (422): a form that shows only what its fields caused. */
    public static final Predicate<TongxinException> NOT_OF_THE_FORM =
            e -> e.fieldProblems().isEmpty() && e.status().value() != 422;

    private final FormFeedback feedback;
    private final EventQuiescence reactions;

    public PageCommands(FormFeedback feedback, EventQuiescence reactions) {
        this.feedback = feedback;
        this.reactions = reactions;
    }

    /**
     * Values the binder could not convert (a tampered select, a malformed date) as field problems like any other: a date
     * {@code dateInvalid}, anything else {@code type}.
     */
    public static TongxinException typeProblems(BindingResult binding) {
        List<FieldProblem> problems = binding.getFieldErrors().stream()
                .map(f -> {
                    Class<?> type = binding.getFieldType(f.getField());
                    boolean date = type != null && Temporal.class.isAssignableFrom(type);
                    return new FieldProblem(f.getField(), date ? "dateInvalid" : "type");
                })
                .toList();
        return TongxinException.invalid(problems);
    }

    /** A command without an answer the redirect needs. */
    public PageCommand<@Nullable Void> run(Runnable command) {
        return new PageCommand<>(() -> {
            command.run();
            return null;
        });
    }

    /** A command whose answer (the id it made) the redirect names. */
    public <T> PageCommand<T> make(Supplier<T> command) {
        return new PageCommand<>(command);
    }

    /** One command on its way: what it says when done and which form shows its refusal. */
    public final class PageCommand<T> {

        private final Supplier<T> command;
        private Function<? super T, @Nullable String> notice = answer -> null;
        private Object[] noticeArgs = new Object[0];
        private @Nullable String formKey;
        private final Map<String, String> words = new HashMap<>();
        private @Nullable String messageKey;
        private Predicate<TongxinException> passOn = e -> false;
        private @Nullable BindingResult binding;

        private PageCommand(Supplier<T> command) {
            this.command = command;
        }

        /** The notice (message key and arguments) the page after the redirect shows. */
        public PageCommand<T> notice(String key, Object... args) {
            this.notice = answer -> key;
            this.noticeArgs = args;
            return this;
        }

        /** The notice's message key chosen by the command's answer (a referral placed, or put on the waiting list). */
        public PageCommand<T> notice(Function<? super T, String> key) {
            this.notice = key;
            return this;
        }

        /** The key of the form that shows a refusal, on a page of several forms. */
        public PageCommand<T> form(@Nullable String key) {
            this.formKey = key;
            return this;
        }

        /** The page's own words for a stale version ("someone else changed this; the page now shows it"). */
        public PageCommand<T> stale(String key) {
            return words(key, STALE_VERSION);
        }

        /** The page's own words for refusals with these codes (a change decided meanwhile, as a stale version). */
        public PageCommand<T> words(String key, String... codes) {
            for (String code : codes) {
                words.put(code, key);
            }
            return this;
        }

        /** The page's own words for every refusal that names no field. */
        public PageCommand<T> message(@Nullable String key) {
            this.messageKey = key;
            return this;
        }

        /** The form as bound: values the binder could not convert refuse the command before it runs ({@link #typeProblems}). */
        public PageCommand<T> bound(BindingResult binding) {
            this.binding = binding;
            return this;
        }

        /** Refusals that go to the error page instead of the form. */
        public PageCommand<T> passOn(Predicate<TongxinException> refusals) {
            this.passOn = refusals;
            return this;
        }

        /** Runs the command: redirects to {@code path} when it is done, shows {@code page} again when refused. */
        public String redirectOr(String path, Model model, RedirectAttributes redirect, Supplier<String> page) {
            return redirectOr(answer -> path, model, redirect, page);
        }

        /** As {@link #redirectOr(String, Model, RedirectAttributes, Supplier)}, the path made from the command's answer. */
        public String redirectOr(
                Function<T, String> path, Model model, RedirectAttributes redirect, Supplier<String> page) {
            return redirectOr(path, model, redirect, (TongxinException refusal) -> page.get());
        }

        /** As above, the page again chosen by the refusal (a stale version keeps what was typed, against the new version). */
        public String redirectOr(
                Function<T, String> path,
                Model model,
                RedirectAttributes redirect,
                Function<TongxinException, String> page) {
            T answer;
            try {
                if (binding != null && binding.hasErrors()) {
                    throw typeProblems(binding);
                }
                answer = command.get();
            } catch (TongxinException e) {
                if (passOn.test(e)) {
                    throw e;
                }
                feedback.apply(e, model, formKey, messageKey != null ? messageKey : words.get(e.code()));
                return page.apply(e);
            }
            reactions.settle();
            String key = notice.apply(answer);
            if (key != null) {
                redirect.addFlashAttribute("notice", feedback.message(key, noticeArgs));
            }
            return "redirect:" + path.apply(answer);
        }
    }
}
