package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form field goes through the fragments of {@code fragments/fields.html}, on the one error model, so every
 * refused form shows its messages the same way and the error summary links to each of them. These checks read the
 * templates as text: a hand-written error block, a field fragment named like an HTML element (a fragment selector
 * {@code :: input} also picks every {@code <input>} of the file) or a fragment inserted on an element that also
 * iterates (the insertion happens before the iteration, so the row variable is still empty) fails the build.
 */
class FormFieldTemplatesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Set<String> FRAGMENT_FILES =
            Set.of("fragments/fields.html", "fragments/forms.html", "agency/division-picker.html");
    static final Set<String> HTML_ELEMENTS = Set.of(
            "a",
            "button",
            "datalist",
            "details",
            "dialog",
            "div",
            "fieldset",
            "form",
            "input",
            "label",
            "legend",
            "li",
            "nav",
            "optgroup",
            "option",
            "output",
            "p",
            "select",
            "span",
            "summary",
            "table",
            "tbody",
            "td",
            "textarea",
            "th",
            "thead",
            "tr",
            "ul");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static String relative(Path file) {
        return TEMPLATES.relativize(file).toString().replace('\\', '/');
    }

    @Test
    void noTemplateWritesItsOwnErrorMarkup() throws IOException {
        Pattern handWritten =
                Pattern.compile("invalid-feedback|errors\\.containsKey|errors\\.get\\(|forms :: feedback|forms ::"
                        + " formError|\\$\\{formError}");
        // A control written by hand (a list with groups) may mark itself invalid, but only from FormErrors.
        Pattern invalidWithoutModel = Pattern.compile("is-invalid");
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            if (FRAGMENT_FILES.contains(relative(file))) {
                continue;
            }
            String[] lines = Files.readString(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                boolean ownMarkup = handWritten.matcher(lines[i]).find()
                        || invalidWithoutModel.matcher(lines[i]).find()
                                && !lines[i].contains("fe.invalid")
                                && !lines[i].contains("formErrors");
                if (ownMarkup) {
                    found.add(relative(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(found)
                .as("use fragments/fields (inputField, selectField, …, fieldError) instead")
                .isEmpty();
    }

    @Test
    void fragmentsAreNotNamedLikeHtmlElements() throws IOException {
        Pattern fragment = Pattern.compile("th:fragment=\"([A-Za-z][A-Za-z0-9]*)");
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            Matcher m = fragment.matcher(Files.readString(file));
            while (m.find()) {
                if (HTML_ELEMENTS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    found.add(relative(file) + ": " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noElementInsertsAFragmentWhileItIterates() throws IOException {
        Pattern tag = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            Matcher m = tag.matcher(Files.readString(file));
            while (m.find()) {
                String t = m.group();
                if (t.contains("th:each=") && (t.contains("th:insert=") || t.contains("th:replace="))) {
                    found.add(
                            relative(file) + ": " + t.replaceAll("\\s+", " ").substring(0, Math.min(120, t.length())));
                }
            }
        }
        assertThat(found).as("put th:each on a th:block around the element").isEmpty();
    }

    @Test
    void theLayoutShowsTheErrorSummaryOnEveryPage() throws IOException {
        assertThat(Files.readString(TEMPLATES.resolve("layout.html"))).contains("fragments/fields :: errorSummary");
        assertThat(Files.readString(TEMPLATES.resolve("fragments/fields.html")))
                .contains("th:fragment=\"errorSummary\"", "data-error-summary", "#{form.error.summary}");
    }

    /** th:text replaces an element's body: a control written inside it (a hidden service field) would never be posted. */
    @Test
    void noElementWithTextReplacementHoldsControls() throws IOException {
        Pattern textWithChild = Pattern.compile("<(\\w+)\\b[^>]*\\sth:u?text=\"[^\"]*\"[^>]*(?<!/)>([^<]*)<(?!/)");
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            Matcher m = textWithChild.matcher(Files.readString(file));
            while (m.find()) {
                found.add(relative(file) + ": " + m.group().replaceAll("\\s+", " "));
            }
        }
        assertThat(found).as("put the text in a span of its own").isEmpty();
    }

    /**
     * Thymeleaf evaluates a fragment's parameters in restricted mode: a bean reference there ({@code @formFeedback})
     * fails only when the page renders — a 500. Such values are computed in a th:with of an enclosing element.
     */
    @Test
    void noFragmentParameterReferencesABean() throws IOException {
        Pattern insertion = Pattern.compile("th:(?:replace|insert)=\"([^\"]*)\"", Pattern.DOTALL);
        Pattern bean = Pattern.compile("@(?!\\{)[A-Za-z]");
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            Matcher m = insertion.matcher(Files.readString(file));
            while (m.find()) {
                // Text in quotes is an expression the fragment evaluates later, unrestricted (an option's label).
                if (bean.matcher(m.group(1).replaceAll("'(?:\\\\'|[^'])*'", "")).find()) {
                    found.add(relative(file) + ": " + m.group(1).replaceAll("\\s+", " "));
                }
            }
        }
        assertThat(found)
                .as("compute the value in a th:with around the insertion")
                .isEmpty();
    }
}
