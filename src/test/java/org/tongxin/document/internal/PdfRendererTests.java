package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongxin.document.DocumentSamples;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.PdfText;
import org.tongxin.shared.time.LegalTime;

/** The templates rendered with the bundled font, read back by poppler: Chinese text, page numbers, blanks. */
class PdfRendererTests {

    @TempDir
    Path dir;

    static final TemplateLibrary TEMPLATES = new TemplateLibrary();
    static final PdfRenderer RENDERER =
            new PdfRenderer(Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), LegalTime.ZONE));

    @ParameterizedTest
    @EnumSource(DocumentTemplate.class)
    void everyTemplateRendersItsTitleAndValuesInChinese(DocumentTemplate template) throws IOException {
        DocumentLayout layout = TEMPLATES.layout(template);
        byte[] pdf = RENDERER.render(layout, DocumentSamples.values(template));
        Path file = Files.write(dir.resolve(template.name() + ".pdf"), pdf);
        String text = PdfText.of(pdf).replaceAll("\\s+", "");
        assertThat(text)
                .contains(layout.title())
                .contains(DocumentSamples.SUBJECT)
                .contains("（印章）")
                .contains("第1页共");
        assertThat(PdfText.fonts(file)).contains(PdfRenderer.FONT_NAME).contains("Identity-H");
    }

    @Test
    void missingValuesPrintAsBlankLinesAndUnknownKeysAreIgnored() {
        byte[] pdf = RENDERER.render(
                TEMPLATES.layout(DocumentTemplate.ENTRUSTMENT_LETTER),
                Map.of("subjectName", "张三", "noSuchKey", "不应出现"));
        String text = PdfText.of(pdf);
        assertThat(text)
                .contains("张三")
                .contains(TemplateText.BLANK)
                .doesNotContain("不应出现")
                .doesNotContain("${");
    }

    @Test
    void documentsRenderedAtTheSameTimeShareTheFontSafely() throws Exception {
        DocumentLayout layout = TEMPLATES.layout(DocumentTemplate.ENTRY_ANNOUNCEMENT);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(java.util.stream.IntStream.range(0, 8)
                    .<java.util.concurrent.Callable<String>>mapToObj(n ->
                            () -> PdfText.of(RENDERER.render(layout, Map.of("subjectName", "对象" + n))))
                    .toList());
            for (int n = 0; n < results.size(); n++) {
                assertThat(results.get(n).get()).contains("社区矫正宣告书").contains("对象" + n);
            }
        }
    }
}
