package org.tongxin.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.internal.DocumentLayout.Directive;

/** The template format, and the five shipped templates with the keys their documentation promises. */
class TemplateParserTests {

    static final Set<String> COMMON = Set.of("documentNumber", "issueDate");

    static Stream<Arguments> documentedKeys() {
        return Stream.of(
                Arguments.of(
                        DocumentTemplate.ENTRUSTMENT_LETTER,
                        "调查评估委托函",
                        Set.of(
                                "courtName",
                                "agencyName",
                                "procuratorateName",
                                "caseNumber",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "charges",
                                "intendedPlace",
                                "expedited",
                                "deadlineDate",
                                "contact",
                                "contactPhone",
                                "attachments")),
                Arguments.of(
                        DocumentTemplate.ASSESSMENT_OPINION,
                        "调查评估意见书",
                        Set.of(
                                "agencyName",
                                "courtName",
                                "procuratorateName",
                                "letterNumber",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "charges",
                                "findings",
                                "opinion",
                                "reasons",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.RECEIPT,
                        "法律文书送达回执",
                        Set.of(
                                "agencyName",
                                "decisionOrganName",
                                "subjectName",
                                "caseNumber",
                                "documentsReceived",
                                "receivedAt",
                                "missingItems",
                                "receiver",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.REPORTING_NOTICE,
                        "社区矫正报到通知书",
                        Set.of(
                                "decisionOrganName",
                                "subjectName",
                                "idNumber",
                                "charges",
                                "judgmentNumber",
                                "correctionType",
                                "effectiveDate",
                                "deadlineDate",
                                "agencyName",
                                "agencyAddress",
                                "agencyPhone",
                                "copyTo")),
                Arguments.of(
                        DocumentTemplate.ENTRY_ANNOUNCEMENT,
                        "社区矫正宣告书",
                        Set.of(
                                "agencyName",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "charges",
                                "decisionOrganName",
                                "judgmentNumber",
                                "correctionType",
                                "termStart",
                                "termEnd",
                                "obligations",
                                "teamMembers",
                                "announcer",
                                "announcementPlace")),
                Arguments.of(
                        DocumentTemplate.MEETING_NOTICE,
                        "联席会议通知",
                        Set.of(
                                "convenorName",
                                "title",
                                "scheduledAt",
                                "place",
                                "attendees",
                                "agenda",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.MEETING_MINUTES,
                        "联席会议纪要",
                        Set.of(
                                "convenorName",
                                "title",
                                "heldAt",
                                "place",
                                "attendees",
                                "agenda",
                                "minutes",
                                "decisions",
                                "contact")),
                Arguments.of(
                        DocumentTemplate.REFERRAL_LETTER,
                        "社区矫正对象帮扶转介函",
                        Set.of(
                                "fromAgencyName",
                                "toAgencyName",
                                "caseNumber",
                                "service",
                                "subjectDetails",
                                "referralNote",
                                "answerDays",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.LEAVE_APPROVAL,
                        "社区矫正对象外出审批通知书",
                        Set.of(
                                "agencyName",
                                "subjectName",
                                "caseNumber",
                                "destination",
                                "reason",
                                "departOn",
                                "returnOn",
                                "days",
                                "approverLevel",
                                "extension",
                                "copyTo")),
                Arguments.of(
                        DocumentTemplate.TERMINATION_CERTIFICATE,
                        "解除社区矫正证明书",
                        Set.of(
                                "agencyName",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "decisionOrganName",
                                "judgmentNumber",
                                "correctionType",
                                "termStart",
                                "termEnd",
                                "endedOn",
                                "reason",
                                "copyTo")),
                Arguments.of(
                        DocumentTemplate.DEATH_NOTICE,
                        "社区矫正对象死亡通知书",
                        Set.of(
                                "agencyName",
                                "decisionOrganName",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "judgmentNumber",
                                "correctionType",
                                "diedOn",
                                "copyTo")),
                Arguments.of(
                        DocumentTemplate.WARNING_DECISION,
                        "警告决定书",
                        Set.of(
                                "agencyName",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "correctionType",
                                "facts",
                                "reasons",
                                "evidence",
                                "procuratorateName")),
                Arguments.of(
                        DocumentTemplate.REVOCATION_PROPOSAL,
                        "社区矫正撤销建议书",
                        Set.of(
                                "agencyName",
                                "receiverName",
                                "caseNumber",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "charges",
                                "correctionType",
                                "proposal",
                                "facts",
                                "reasons",
                                "evidence",
                                "arrestReason",
                                "copyTo",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.POLICE_PENALTY_PROPOSAL,
                        "提请治安管理处罚建议书",
                        Set.of(
                                "agencyName",
                                "receiverName",
                                "caseNumber",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "charges",
                                "correctionType",
                                "facts",
                                "reasons",
                                "evidence",
                                "copyTo",
                                "contact",
                                "contactPhone")),
                Arguments.of(
                        DocumentTemplate.COMMUTATION_PROPOSAL,
                        "减刑建议书",
                        Set.of(
                                "agencyName",
                                "receiverName",
                                "caseNumber",
                                "subjectName",
                                "gender",
                                "birthDate",
                                "idNumber",
                                "address",
                                "charges",
                                "correctionType",
                                "termStart",
                                "termEnd",
                                "facts",
                                "reasons",
                                "evidence",
                                "copyTo",
                                "contact",
                                "contactPhone")));
    }

    @ParameterizedTest
    @MethodSource("documentedKeys")
    void everyShippedTemplateHasItsTitleAndExactlyTheDocumentedKeys(
            DocumentTemplate template, String title, Set<String> keys) {
        DocumentLayout layout = new TemplateLibrary().layout(template);
        assertThat(layout.title()).isEqualTo(title);
        assertThat(layout.fileName()).isEqualTo(title + ".pdf");
        assertThat(layout.keys())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(keys.stream(), COMMON.stream()).toList());
        assertThat(layout.blocks())
                .extracting(DocumentLayout.Block::directive)
                .contains(
                        Directive.ORGAN,
                        Directive.TITLE,
                        Directive.NUMBER,
                        Directive.SEAL,
                        Directive.SIGN,
                        Directive.DATE);
    }

    @Test
    void readsDirectivesRowsAndOptionalLines() {
        DocumentLayout layout = TemplateParser.parse("t", """
            # a comment
            keys: a, b, c

            title: 标题
            p: 正文${a}
            row: 姓名 | ${b} | 性别 | ${c}
            ?cc: 抄送：${c}
            """);
        assertThat(layout.blocks())
                .extracting(DocumentLayout.Block::directive)
                .containsExactly(Directive.TITLE, Directive.PARAGRAPH, Directive.ROW, Directive.CC);
        assertThat(layout.blocks().get(2).cells()).containsExactly("姓名", "${b}", "性别", "${c}");
        assertThat(layout.blocks().get(3).optional()).isTrue();
    }

    @Test
    void refusesBrokenTemplatesNamingTheLine() {
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a\ntitle: 标题\np: ${b}\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("${b}");
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a, unused\ntitle: 标题\np: ${a}\n"))
                .hasMessageContaining("never uses")
                .hasMessageContaining("unused");
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a\ntitle: 标题\nbold: ${a}\n"))
                .hasMessageContaining("unknown directive");
        assertThatThrownBy(() -> TemplateParser.parse("t", "title: 标题\n")).hasMessageContaining("keys:");
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a\np: ${a}\n"))
                .hasMessageContaining("no title");
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a\ntitle: 标题\nrow: ${a}\n"))
                .hasMessageContaining("row:");
        assertThatThrownBy(() -> TemplateParser.parse("t", "keys: a\ntitle: 标题\np: ${a\n"))
                .hasMessageContaining("malformed");
    }
}
