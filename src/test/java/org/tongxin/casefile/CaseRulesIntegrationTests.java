package org.tongxin.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseData.TeamMember;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.internal.CaseRules;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.support.IntegrationTest;

/**
 * What people enter about subjects, offences, decisions and teams: each rule reports its field with a stable code
 * (the key of a message in both languages), all problems at once. The residence is checked against the real
 * divisions of the City A demo.
 */
@IntegrationTest
class CaseRulesIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate BIRTH = LocalDate.of(1990, 3, 7);

    @Autowired
    CaseRules rules;

    @Autowired
    MessageSource messages;

    static SubjectData valid() {
        return new SubjectData(
                "李明",
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                IdentityNumbers.compose("369902", BIRTH, 17, Gender.MALE),
                BIRTH,
                "13907001234",
                CaseFixtures.DONGMEN,
                "东门街道幸福路 8 号",
                null,
                null,
                null,
                "良好");
    }

    static SubjectData with(UnaryOperator<Object[]> change) {
        SubjectData s = valid();
        Object[] f = {
            s.name(),
            s.gender(),
            s.ethnicity(),
            s.idType(),
            s.idNumber(),
            s.birthDate(),
            s.phone(),
            s.residenceDivision(),
            s.residenceAddress(),
            s.guardianName(),
            s.guardianRelation(),
            s.guardianPhone(),
            s.health()
        };
        f = change.apply(f);
        return new SubjectData(
                (String) f[0],
                (Gender) f[1],
                (String) f[2],
                (IdentityDocumentType) f[3],
                (String) f[4],
                (LocalDate) f[5],
                (String) f[6],
                (String) f[7],
                (String) f[8],
                (String) f[9],
                (String) f[10],
                (String) f[11],
                (String) f[12]);
    }

    static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    List<FieldProblem> subject(SubjectData s, LocalDate offenceDate) {
        FieldProblems problems = new FieldProblems();
        rules.subject(s, offenceDate, TODAY, "subject.", problems);
        return problems.list();
    }

    List<FieldProblem> subject(SubjectData s) {
        return subject(s, TODAY.minusYears(1));
    }

    @Test
    void aCompleteAdultSubjectHasNoProblem() {
        assertThat(subject(valid())).isEmpty();
    }

    @Test
    void eachSubjectFieldRuleNamesItsFieldAndCode() {
        assertThat(subject(with(set(0, " "))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.name", "required"));
        assertThat(subject(with(set(0, "李明2")))).extracting(FieldProblem::code).containsExactly("personName");
        assertThat(subject(with(set(0, "李".repeat(51)))))
                .extracting(FieldProblem::code)
                .containsExactly("personName");
        assertThat(subject(with(set(0, "阿依古丽·买买提"))))
                .as("a middle dot joins Uyghur names")
                .isEmpty();
        assertThat(subject(with(set(2, null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.ethnicity", "required"));
        assertThat(subject(with(set(2, "57")))).extracting(FieldProblem::code).containsExactly("ethnicity");
        assertThat(subject(with(set(3, null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.idType", "required"));
        assertThat(subject(with(set(6, "1234567"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.phone", "phone"));
        assertThat(subject(with(set(6, "0791-86123456")))).as("a landline").isEmpty();
        assertThat(subject(with(set(6, "")))).as("the phone is optional").isEmpty();
        assertThat(subject(with(set(7, null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.residenceDivision", "required"));
        assertThat(subject(with(set(7, "369902999"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.residenceDivision", "unknownDivision"));
        assertThat(subject(with(set(8, "路".repeat(201)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.residenceAddress", "maxLength"));
        assertThat(subject(with(set(12, "病".repeat(2001)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.health", "maxLength"));
        assertThat(subject(with(set(11, "12345"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.guardianPhone", "phone"));
    }

    @Test
    void aResidentIdWithAWrongCheckCharacterIsRefused() {
        String number = valid().idNumber();
        char wrong = number.charAt(17) == '1' ? '2' : '1';
        assertThat(subject(with(set(4, number.substring(0, 17) + wrong))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.idNumber", "idNumberChecksum"));
        assertThat(subject(with(set(4, number.substring(0, 16)))))
                .extracting(FieldProblem::code)
                .containsExactly("idNumberFormat");
        assertThat(subject(with(set(4, null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.idNumber", "required"));
    }

    @Test
    void theBirthDateAndSexMustMatchTheResidentId() {
        assertThat(subject(with(set(5, BIRTH.plusDays(1)))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.birthDate", "birthDateMismatch"));
        assertThat(subject(with(set(1, Gender.FEMALE))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.gender", "genderMismatch"));
        assertThat(subject(with(f -> {
                    f[1] = null;
                    f[5] = null;
                    return f;
                })))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.gender", "required"), tuple("subject.birthDate", "required"));
    }

    @Test
    void passportsAndTravelPermitsAreCheckedByFormatAndSayNothingAboutBirthOrSex() {
        SubjectData passport = with(f -> {
            f[3] = IdentityDocumentType.PASSPORT;
            f[4] = "E12345678";
            f[1] = Gender.FEMALE;
            return f;
        });
        assertThat(subject(passport)).isEmpty();
        assertThat(subject(with(f -> {
                    f[3] = IdentityDocumentType.HK_MACAO_PERMIT;
                    f[4] = "H1234567";
                    return f;
                })))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("subject.idNumber", "idNumberFormat"));
        assertThat(subject(with(f -> {
                    f[3] = IdentityDocumentType.TAIWAN_PERMIT;
                    f[4] = "87654321";
                    return f;
                })))
                .isEmpty();
    }

    @Test
    void aResidencePermitOfAHongKongResidentIsCheckedLikeAResidentIdIncludingBirthAndSex() {
        String first17 = "810000" + "19900307" + "123";
        String permit = first17 + IdentityNumbers.checkCharacter(first17);
        assertThat(subject(with(f -> {
                    f[3] = IdentityDocumentType.HMT_RESIDENCE_PERMIT;
                    f[4] = permit;
                    return f;
                })))
                .isEmpty();
        assertThat(subject(with(f -> {
                    f[3] = IdentityDocumentType.HMT_RESIDENCE_PERMIT;
                    f[4] = permit;
                    f[1] = Gender.FEMALE;
                    return f;
                })))
                .extracting(FieldProblem::code)
                .containsExactly("genderMismatch");
    }

    @Test
    void aBirthDateMustBeAtLeastTenAndAtMostOneHundredAndTenYearsAgo() {
        for (LocalDate birth : new LocalDate[] {TODAY.minusYears(9), TODAY.minusYears(111)}) {
            SubjectData s = with(f -> {
                f[3] = IdentityDocumentType.PASSPORT;
                f[4] = "E12345678";
                f[5] = birth;
                return f;
            });
            assertThat(subject(s, null))
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("subject.birthDate", "birthDateRange"));
        }
    }

    SubjectData bornOn(LocalDate birth, String guardian, String guardianPhone) {
        return new SubjectData(
                "王小军",
                Gender.MALE,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                IdentityNumbers.compose("369902", birth, 3, Gender.MALE),
                birth,
                null,
                CaseFixtures.DONGMEN,
                null,
                guardian,
                guardian == null ? null : "母亲",
                guardianPhone,
                null);
    }

    @Test
    void someoneUnderEighteenAtTheOffenceNeedsAGuardianWithAPhone() {
        LocalDate birth = LocalDate.of(2008, 6, 15);
        assertThat(subject(bornOn(birth, null, null), LocalDate.of(2026, 6, 14)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("subject.guardianName", "guardianForMinor"),
                        tuple("subject.guardianPhone", "guardianForMinor"));
        assertThat(subject(bornOn(birth, "张丽", "13907005678"), LocalDate.of(2026, 6, 14)))
                .isEmpty();
        assertThat(subject(bornOn(birth, null, null), LocalDate.of(2026, 6, 16)))
                .as("an adult at the offence")
                .isEmpty();
        assertThat(subject(bornOn(birth, null, null), null))
                .as("no offence date, no age to judge")
                .isEmpty();
    }

    @Test
    void anOffenceOnTheEighteenthBirthdayIsAMinorsOffence() {
        // 周岁 are counted from the day after the birthday (最高人民法院法释〔2006〕1号 第二条).
        LocalDate birth = LocalDate.of(2008, 6, 15);
        assertThat(subject(bornOn(birth, null, null), LocalDate.of(2026, 6, 15)))
                .extracting(FieldProblem::code)
                .containsExactly("guardianForMinor", "guardianForMinor");
        assertThat(CaseRules.minorAt(birth, LocalDate.of(2026, 6, 15))).isTrue();
        assertThat(CaseRules.minorAt(birth, LocalDate.of(2026, 6, 16))).isFalse();
        assertThat(CaseRules.minorAt(birth, LocalDate.of(2010, 1, 1))).isTrue();
        assertThat(CaseRules.minorAt(null, LocalDate.of(2026, 6, 15))).isFalse();
        assertThat(CaseRules.minorAt(birth, null)).isFalse();
    }

    List<FieldProblem> offence(OffenceData o) {
        FieldProblems problems = new FieldProblems();
        rules.offence(o, TODAY, problems);
        return problems.list();
    }

    @Test
    void eachOffenceRuleNamesItsFieldAndCode() {
        assertThat(offence(new OffenceData(OffenceCategory.FRAUD, "诈骗", TODAY, List.of("诈骗罪", "合同诈骗罪"))))
                .isEmpty();
        assertThat(offence(null))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("offence", "required"));
        assertThat(offence(new OffenceData(null, null, null, null)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("offence.category", "required"),
                        tuple("offence.offenceDate", "required"),
                        tuple("offence.charges", "required"));
        assertThat(offence(new OffenceData(OffenceCategory.FRAUD, "诈".repeat(2001), TODAY.plusDays(1), List.of("诈骗罪"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("offence.offenceDate", "past"), tuple("offence.details", "maxLength"));
    }

    @Test
    void chargesMustBeNamesTheSupremeCourtAndProcuratorateDetermine() {
        assertThat(offence(new OffenceData(OffenceCategory.THEFT, null, TODAY, List.of(" ", ""))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("offence.charges", "required"));
        assertThat(offence(new OffenceData(OffenceCategory.THEFT, null, TODAY, List.of("盗窃罪", "偷东西罪"))))
                .extracting(FieldProblem::field, FieldProblem::code, p -> p.args()[0])
                .containsExactly(tuple("offence.charges", "unknownCharge", "偷东西罪"));
        // The summary of the facts is no charge: "盗窃" without 罪 is not a name of the list.
        assertThat(offence(new OffenceData(OffenceCategory.THEFT, null, TODAY, List.of("盗窃"))))
                .extracting(FieldProblem::code)
                .containsExactly("unknownCharge");
        List<String> eleven = org.tongxin.casefile.Charges.standard().all().stream()
                .limit(11)
                .map(org.tongxin.casefile.Charges.Charge::name)
                .toList();
        assertThat(offence(new OffenceData(OffenceCategory.OTHER, null, TODAY, eleven)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("offence.charges", "tooManyCharges"));
        // Repetitions and surrounding blanks are forgiven.
        assertThat(offence(new OffenceData(OffenceCategory.THEFT, null, TODAY, List.of("盗窃罪", " 盗窃罪 "))))
                .isEmpty();
    }

    static final DecisionData DECISION = new DecisionData(
            CorrectionType.PROBATION,
            "（2026）赣0102刑初12号",
            LocalDate.of(2026, 2, 10),
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2028, 2, 19),
            null,
            false,
            null);

    List<FieldProblem> decision(DecisionData d) {
        FieldProblems problems = new FieldProblems();
        rules.decision(d, TODAY, problems);
        return problems.list();
    }

    @Test
    void eachDecisionRuleNamesItsFieldAndCode() {
        assertThat(decision(DECISION)).isEmpty();
        assertThat(decision(null)).extracting(FieldProblem::field).containsExactly("decision");
        assertThat(decision(new DecisionData(null, null, null, null, null, null, null, false, null)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("decision.correctionType", "required"),
                        tuple("decision.caseNumber", "required"),
                        tuple("decision.judgmentDate", "required"),
                        tuple("decision.effectiveDate", "required"),
                        tuple("decision.termStart", "required"),
                        tuple("decision.termEnd", "required"));
        assertThat(decision(new DecisionData(
                        CorrectionType.PROBATION,
                        "2026刑初12号",
                        TODAY.plusDays(1),
                        TODAY,
                        TODAY,
                        TODAY,
                        null,
                        false,
                        null)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("decision.caseNumber", "caseNumber"), tuple("decision.judgmentDate", "past"),
                        tuple("decision.effectiveDate", "effectiveBeforeJudgment"),
                                tuple("decision.termEnd", "termEndAfterStart"));
        assertThat(decision(new DecisionData(
                        CorrectionType.PAROLE,
                        "(2026)赣01刑更5号",
                        TODAY,
                        TODAY.plusDays(1),
                        TODAY,
                        TODAY.plusYears(10).plusDays(1),
                        null,
                        false,
                        null)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("decision.effectiveDate", "past"), tuple("decision.termEnd", "termTooLong"));
        assertThat(decision(new DecisionData(
                        CorrectionType.TEMPORARY_EXECUTION,
                        "（2026）赣0102刑初13号",
                        TODAY,
                        TODAY,
                        TODAY,
                        TODAY.plusYears(1),
                        null,
                        true,
                        null)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("decision.handoverInstitutionId", "institutionForTemporaryExecution"));
    }

    List<FieldProblem> team(List<TeamMember> members, Gender subject) {
        FieldProblems problems = new FieldProblems();
        rules.team(members, subject, problems);
        return problems.list();
    }

    static TeamMember member(String name, TeamRole role, Gender gender) {
        return new TeamMember(name, role, gender, null);
    }

    @Test
    void aFemaleSubjectsCorrectionTeamMustIncludeAWoman() {
        List<TeamMember> men = List.of(
                member("赵强", TeamRole.OFFICE_STAFF, Gender.MALE), member("钱伟", TeamRole.VOLUNTEER, Gender.MALE));
        assertThat(team(men, Gender.FEMALE))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("members", "womanInTeam"));
        assertThat(team(men, Gender.MALE)).isEmpty();
        List<TeamMember> mixed = new ArrayList<>(men);
        mixed.add(member("孙丽", TeamRole.SOCIAL_WORKER, Gender.FEMALE));
        assertThat(team(mixed, Gender.FEMALE)).isEmpty();
    }

    @Test
    void eachTeamRuleNamesItsFieldAndCode() {
        assertThat(team(List.of(), Gender.MALE))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("members", "teamEmpty"));
        assertThat(team(null, Gender.MALE)).extracting(FieldProblem::code).containsExactly("teamEmpty");
        assertThat(team(Collections.nCopies(13, member("赵强", TeamRole.VOLUNTEER, Gender.MALE)), Gender.MALE))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("members", "maxItems"));
        assertThat(team(
                        List.of(
                                member("赵强", TeamRole.VOLUNTEER, Gender.MALE),
                                member(" ", null, null),
                                member("Robot 9", TeamRole.FAMILY, Gender.MALE)),
                        Gender.MALE))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("members[1].name", "required"),
                        tuple("members[1].role", "required"),
                        tuple("members[1].gender", "required"),
                        tuple("members[2].name", "personName"));
    }

    @Test
    void everyCodeTheRulesUseHasAMessageInChineseAndEnglish() {
        List<String> codes = List.of(
                "required",
                "personName",
                "ethnicity",
                "idNumberFormat",
                "idNumberChecksum",
                "birthDateMismatch",
                "genderMismatch",
                "birthDateRange",
                "phone",
                "unknownDivision",
                "maxLength",
                "guardianForMinor",
                "past",
                "caseNumber",
                "effectiveBeforeJudgment",
                "termEndAfterStart",
                "termTooLong",
                "institutionForTemporaryExecution",
                "teamEmpty",
                "maxItems",
                "womanInTeam");
        for (String code : codes) {
            for (java.util.Locale locale :
                    new java.util.Locale[] {java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH}) {
                assertThat(messages.getMessage("validation." + code, new Object[] {1, 2}, null, locale))
                        .as("%s in %s", code, locale)
                        .isNotBlank();
            }
        }
    }
}
