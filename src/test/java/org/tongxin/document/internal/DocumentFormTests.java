package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentSamples;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.PdfLayout;
import org.tongxin.document.PdfLayout.Line;
import org.tongxin.document.internal.DocumentLayout.Block;
import org.tongxin.document.internal.DocumentLayout.Directive;
import org.tongxin.shared.time.LegalTime;

/**
 * Every document in the official form (GB/T 9704, the layout of the community-correction legal documents), checked
 * from the positions of the rendered PDF's text as poppler reads them, not from a picture: the title centred at the
 * top with only the issuing organ above it, the document number under it in the one form (城东矫〔2026〕12号), the
 * addressee before the body, the issuing organ and the date at the bottom right with （印章） right over the date, and
 * the copy-to line (抄送) last.
 */
class DocumentFormTests {

    static final TemplateLibrary TEMPLATES = new TemplateLibrary();
    static final PdfRenderer RENDERER =
            new PdfRenderer(Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), LegalTime.ZONE));

    @ParameterizedTest
    @EnumSource(DocumentTemplate.class)
    void everyDocumentFollowsTheOfficialForm(DocumentTemplate template) throws IOException {
        DocumentLayout layout = TEMPLATES.layout(template);
        Map<String, String> raw = DocumentSamples.values(template);
        TemplateValues values = new TemplateValues(raw);
        byte[] pdf = RENDERER.render(layout, raw);
        Files.createDirectories(DocumentSamples.OUTPUT);
        Files.write(DocumentSamples.OUTPUT.resolve(template.name() + ".pdf"), pdf);
        PdfLayout page = PdfLayout.of(pdf);

        // The title: centred, at the top of the first page; only the issuing organ's name stands above it.
        Line title = page.line(layout.title());
        assertThat(title.page()).isEqualTo(1);
        assertThat(title.centred()).as("title centred: %s", title).isTrue();
        String organ = text(layout, Directive.ORGAN, values);
        List<Line> aboveTitle =
                page.lines().stream().filter(l -> l.above(title)).toList();
        assertThat(aboveTitle).extracting(Line::text).containsExactly(organ.replaceAll("\\s+", ""));

        // The document number: the line right under the title, centred, in the one form.
        String number = text(layout, Directive.NUMBER, values);
        assertThat(number).matches("\\S+〔\\d{4}〕\\d+号");
        Line numberLine = page.line(number);
        assertThat(page.between(title, numberLine)).isEmpty();
        assertThat(numberLine.centred()).as("number centred: %s", numberLine).isTrue();

        // The addressee, when the document has one, before the body.
        Block body = first(layout, Directive.PARAGRAPH, Directive.ITEM, Directive.HEADING, Directive.ROW);
        // A table's first value (a label's characters may be spread over the cell and read as separate words).
        String firstBody = body.directive() == Directive.ROW
                ? TemplateText.fill(body.cells().get(1), values)
                : TemplateText.fill(body.text(), values);
        Line bodyLine = page.line(firstBody.length() > 8 ? firstBody.substring(0, 8) : firstBody);
        assertThat(numberLine.above(bodyLine)).isTrue();
        if (has(layout, Directive.TO)) {
            Line to = page.line(text(layout, Directive.TO, values));
            assertThat(numberLine.above(to)).isTrue();
            assertThat(to.above(bodyLine)).as("addressee before the body").isTrue();
        }

        // The signature at the bottom right: the organ, then （印章） directly over the date (Arabic digits).
        String date = text(layout, Directive.DATE, values);
        assertThat(date).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        Line seal = page.line("（印章）");
        Line dateLine = page.lines().stream()
                .filter(l -> seal.above(l) && l.text().equals(date))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No date " + date + " under the seal in " + page.texts()));
        Line signer = page.lines().stream()
                .filter(l ->
                        l.text().equals(text(layout, Directive.SIGN, values).replaceAll("\\s+", "")))
                .filter(l -> l.above(seal))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(signer.above(seal)).isTrue();
        assertThat(seal.above(dateLine)).as("the seal over the date").isTrue();
        assertThat(page.between(seal, dateLine))
                .as("nothing between the seal and the date")
                .isEmpty();
        assertThat(page.between(signer, seal)).isEmpty();
        for (Line l : List.of(signer, seal, dateLine)) {
            assertThat(l.centre()).as("at the right: %s", l).isGreaterThan(l.pageWidth() / 2);
        }
        assertThat(Math.abs(seal.centre() - dateLine.centre()))
                .as("the seal centred over the date")
                .isLessThan(6);
        assertThat(bodyLine.above(signer)).isTrue();

        // The copy-to line last: after the date, nothing after it but a tear-off slip.
        if (has(layout, Directive.CC)
                && raw.keySet().stream().anyMatch(k -> k.equals("copyTo") || k.equals("procuratorateName"))) {
            Line cc = page.line("抄送");
            assertThat(dateLine.above(cc)).isTrue();
            List<Line> after = page.lines().stream().filter(cc::above).toList();
            if (has(layout, Directive.CUT)) {
                assertThat(after).isNotEmpty();
                assertThat(String.join("", after.stream().map(Line::text).toList()))
                        .as("the tear-off slip follows the copies")
                        .startsWith("回执");
            } else {
                // A long copy-to list wraps: what follows is its own continuation, nothing else.
                String printed = (cc.text()
                                + String.join("", after.stream().map(Line::text).toList()))
                        .replaceAll("\\s+", "");
                assertThat(printed)
                        .as("nothing after the copy-to line but its continuation")
                        .isEqualTo(text(layout, Directive.CC, values).replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    void theEntrustmentLetterNamesTheChargesAndCopiesTheProcuratorate() {
        DocumentLayout layout = TEMPLATES.layout(DocumentTemplate.ENTRUSTMENT_LETTER);
        Map<String, String> values =
                new java.util.HashMap<>(DocumentSamples.values(DocumentTemplate.ENTRUSTMENT_LETTER));
        values.put("charges", "盗窃罪、诈骗罪");
        String text =
                String.join("", PdfLayout.of(RENDERER.render(layout, values)).texts());
        assertThat(text)
                .contains("涉嫌盗窃罪、诈骗罪一案")
                .contains("并抄送城东区人民检察院")
                .contains("抄送：城东区人民检察院")
                .doesNotContain("并抄送________");
    }

    @Test
    void theReportingNoticeNamesTheCharges() {
        String text = String.join(
                "",
                PdfLayout.of(RENDERER.render(
                                TEMPLATES.layout(DocumentTemplate.REPORTING_NOTICE),
                                DocumentSamples.values(DocumentTemplate.REPORTING_NOTICE)))
                        .texts());
        assertThat(text).contains("你因犯危险驾驶罪一案");
    }

    @Test
    void aDocumentNumberHasOneForm() {
        assertThat(DocumentNumbers.format("城东矫", 2026, 12)).isEqualTo("城东矫〔2026〕12号");
    }

    private static String text(DocumentLayout layout, Directive directive, TemplateValues values) {
        return TemplateText.fill(
                layout.blocks().stream()
                        .filter(b -> b.directive() == directive)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(layout.name() + " has no " + directive))
                        .text(),
                values);
    }

    private static boolean has(DocumentLayout layout, Directive directive) {
        return layout.blocks().stream().anyMatch(b -> b.directive() == directive);
    }

    private static Block first(DocumentLayout layout, Directive... directives) {
        List<Directive> wanted = List.of(directives);
        return layout.blocks().stream()
                .filter(b -> wanted.contains(b.directive()))
                .findFirst()
                .orElseThrow();
    }
}
