package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.EventQuiescence;

/** The one way a form page runs a command: redirect and notice when done, the form again with the refusal's status when not. */
class PageCommandsTests {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final ExtendedModelMap model = new ExtendedModelMap();
    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
    private final List<String> done = new ArrayList<>();
    private PageCommands commands;

    @BeforeEach
    void setUp() throws Exception {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(), response));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("thing.done", Locale.ENGLISH, "Recorded {0}.");
        messages.addMessage("thing.stale", Locale.ENGLISH, "Someone else changed this; the page now shows it.");
        messages.addMessage("error.NOT_YOURS", Locale.ENGLISH, "Not yours to change.");
        // No request has published an event here, so settle() returns at once without the database.
        Constructor<EventQuiescence> quiescence =
                EventQuiescence.class.getDeclaredConstructor(JdbcClient.class, Duration.class);
        quiescence.setAccessible(true);
        commands = new PageCommands(new FormFeedback(messages), quiescence.newInstance(null, Duration.ofSeconds(2)));
    }

    @AfterEach
    void tearDown() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCommandDoneRedirectsWithItsNotice() {
        String view = commands.run(() -> done.add("x"))
                .notice("thing.done", "x")
                .redirectOr("/things/1", model, redirect, () -> "things/form");
        assertThat(view).isEqualTo("redirect:/things/1");
        assertThat(done).containsExactly("x");
        assertThat(redirect.getFlashAttributes().get("notice")).isEqualTo("Recorded x.");
        assertThat(model).doesNotContainKey(FormErrors.ATTRIBUTE);
    }

    @Test
    void theRedirectMayNameWhatTheCommandMade() {
        String view =
                commands.make(() -> 42).redirectOr(made -> "/things/" + made, model, redirect, () -> "things/form");
        assertThat(view).isEqualTo("redirect:/things/42");
        assertThat(redirect.getFlashAttributes()).isEmpty();
    }

    @Test
    void aRefusalShowsTheFormAgainWithItsStatusAndNoNotice() {
        String view = commands.run(() -> {
                    throw TongxinException.rule("NOT_YOURS");
                })
                .notice("thing.done", "x")
                .form("edit")
                .redirectOr("/things/1", model, redirect, () -> "things/form");
        assertThat(view).isEqualTo("things/form");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(redirect.getFlashAttributes()).isEmpty();
        FormErrors errors = (FormErrors) model.get(FormErrors.ATTRIBUTE);
        assertThat(errors.active("edit")).isTrue();
        assertThat(errors.general()).containsExactly("Not yours to change.");
    }

    @Test
    void aStaleVersionIsSaidInThePagesOwnWords() {
        commands.run(() -> {
                    throw TongxinException.staleVersion();
                })
                .stale("thing.stale")
                .redirectOr("/things/1", model, redirect, () -> "things/form");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((FormErrors) model.get(FormErrors.ATTRIBUTE)).general())
                .containsExactly("Someone else changed this; the page now shows it.");
    }

    @Test
    void refusalsOfAccessGoToTheErrorPageWhenTheCommandSaysSo() {
        assertThatThrownBy(() -> commands.run(() -> {
                            throw TongxinException.notFound();
                        })
                        .passOn(PageCommands.NOT_FOUND)
                        .redirectOr("/things/1", model, redirect, () -> "things/form"))
                .isInstanceOf(TongxinException.class);
        assertThatThrownBy(() -> commands.run(() -> {
                            throw TongxinException.forbidden("NOT_YOURS");
                        })
                        .passOn(PageCommands.ACCESS)
                        .redirectOr("/things/1", model, redirect, () -> "things/form"))
                .isInstanceOf(TongxinException.class);
        assertThat(model).doesNotContainKey(FormErrors.ATTRIBUTE);
        String view = commands.run(() -> {
                    throw TongxinException.forbidden("NOT_YOURS");
                })
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/things/1", model, redirect, () -> "things/form");
        assertThat(view).isEqualTo("things/form");
        assertThat(response.getStatus()).isEqualTo(403);
    }
}
