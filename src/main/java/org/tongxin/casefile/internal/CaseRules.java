package org.tongxin.casefile.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseData;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.Charges;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Ethnicity;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.shared.error.FieldProblems;

/** Checks what people enter about subjects and cases; every problem is reported at once, by field. */
@Component
public class CaseRules {

    static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•A-Za-z .\\-']{1,50}");
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    static final Pattern CASE_NUMBER = Pattern.compile("[（(]\\d{4}[）)][\\p{IsHan}A-Za-z0-9]{1,30}\\d{1,6}号");

    private final AgencyDirectory agencies;

    CaseRules(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    public void subject(SubjectData s, LocalDate offenceDate, LocalDate today, String prefix, FieldProblems problems) {
        if (s == null) {
            problems.add(prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix, "required");
            return;
        }
        if (s.name() == null || s.name().isBlank()) {
            problems.add(prefix + "name", "required");
        } else if (!NAME.matcher(s.name().strip()).matches()) {
            problems.add(prefix + "name", "personName");
        }
        if (s.gender() == null) {
            problems.add(prefix + "gender", "required");
        }
        if (!Ethnicity.valid(s.ethnicity())) {
            problems.add(prefix + "ethnicity", s.ethnicity() == null ? "required" : "ethnicity");
        }
        if (s.idType() == null) {
            problems.add(prefix + "idType", "required");
        } else {
            String problem = IdentityNumbers.problem(s.idType(), s.idNumber());
            if (problem != null) {
                // The argument names the document, so the message says what its number looks like.
                problems.add(prefix + "idNumber", problem, s.idType().ordinal());
            } else if (s.idType() == IdentityDocumentType.RESIDENT_ID
                    || s.idType() == IdentityDocumentType.HMT_RESIDENCE_PERMIT) {
                String number = IdentityNumbers.normalise(s.idNumber());
                if (s.birthDate() != null && !s.birthDate().equals(IdentityNumbers.birthDate(number))) {
                    problems.add(prefix + "birthDate", "birthDateMismatch");
                }
                if (s.gender() != null && s.gender() != IdentityNumbers.gender(number)) {
                    problems.add(prefix + "gender", "genderMismatch");
                }
            }
        }
        if (s.birthDate() == null) {
            problems.add(prefix + "birthDate", "required");
        } else if (!s.birthDate().isBefore(today.minusYears(10))
                || s.birthDate().isBefore(today.minusYears(110))) {
            problems.add(prefix + "birthDate", "birthDateRange");
        }
        if (s.phone() != null
                && !s.phone().isBlank()
                && !MOBILE.matcher(s.phone().strip()).matches()
                && !LANDLINE.matcher(s.phone().strip()).matches()) {
            problems.add(prefix + "phone", "phone");
        }
        if (s.residenceDivision() == null || s.residenceDivision().isBlank()) {
            problems.add(prefix + "residenceDivision", "required");
        } else if (agencies.division(s.residenceDivision()).isEmpty()) {
            problems.add(prefix + "residenceDivision", "unknownDivision");
        }
        if (s.residenceAddress() != null && s.residenceAddress().length() > 200) {
            problems.add(prefix + "residenceAddress", "maxLength", 200);
        }
        if (s.health() != null && s.health().length() > 2000) {
            problems.add(prefix + "health", "maxLength", 2000);
        }
        if (minorAt(s.birthDate(), offenceDate)) {
            if (s.guardianName() == null || s.guardianName().isBlank()) {
                problems.add(prefix + "guardianName", "guardianForMinor");
            }
            if (s.guardianPhone() == null || s.guardianPhone().isBlank()) {
                problems.add(prefix + "guardianPhone", "guardianForMinor");
            }
        }
        if (s.guardianName() != null
                && !s.guardianName().isBlank()
                && !NAME.matcher(s.guardianName().strip()).matches()) {
            problems.add(prefix + "guardianName", "personName");
        }
        if (s.guardianRelation() != null && s.guardianRelation().strip().length() > 20) {
            problems.add(prefix + "guardianRelation", "maxLength", 20);
        }
        if (s.guardianPhone() != null
                && !s.guardianPhone().isBlank()
                && !MOBILE.matcher(s.guardianPhone().strip()).matches()
                && !LANDLINE.matcher(s.guardianPhone().strip()).matches()) {
            problems.add(prefix + "guardianPhone", "phone");
        }
    }

    /**
     * Whether someone born on {@code birth} was under 18 on {@code offence}. Ages (周岁) are counted from the day after
     * the birthday (最高人民法院法释〔2006〕1号 第二条), so an offence on the 18th birthday is still a minor's.
     */
    public static boolean minorAt(LocalDate birth, LocalDate offence) {
        if (birth == null || offence == null || birth.getYear() > 9999 || offence.getYear() > 9999) {
            // Dates beyond the calendar are refused by the date rules; they never make a minor (nor overflow here).
            return false;
        }
        return !offence.isAfter(birth.plusYears(18));
    }

    public void offence(OffenceData o, LocalDate today, FieldProblems problems) {
        if (o == null) {
            problems.add("offence", "required");
            return;
        }
        if (o.category() == null) {
            problems.add("offence.category", "required");
        }
        if (o.offenceDate() == null) {
            problems.add("offence.offenceDate", "required");
        } else if (o.offenceDate().isAfter(today)) {
            problems.add("offence.offenceDate", "past");
        }
        if (o.details() != null && o.details().length() > 2000) {
            problems.add("offence.details", "maxLength", 2000);
        }
        charges(o.charges(), problems);
    }

    /**
     * The charges (罪名): at least one, each exactly a name of {@link Charges} (as the Supreme People's Court and
     * Procuratorate determine them), at most {@link Charges#MAX_PER_CASE}.
     */
    static void charges(List<String> given, FieldProblems problems) {
        List<String> charges = Charges.normalise(given);
        if (charges.isEmpty()) {
            problems.add("offence.charges", "required");
            return;
        }
        if (charges.size() > Charges.MAX_PER_CASE) {
            problems.add("offence.charges", "tooManyCharges", Charges.MAX_PER_CASE);
        }
        charges.stream()
                .filter(c -> !Charges.standard().known(c))
                .findFirst()
                .ifPresent(unknown -> problems.add(
                        "offence.charges",
                        "unknownCharge",
                        unknown.length() > 40 ? unknown.substring(0, 40) + "…" : unknown));
    }

    public void decision(DecisionData d, LocalDate today, FieldProblems problems) {
        if (d == null) {
            problems.add("decision", "required");
            return;
        }
        if (d.correctionType() == null) {
            problems.add("decision.correctionType", "required");
        }
        caseNumber(d.caseNumber(), "decision.caseNumber", true, problems);
        if (d.judgmentDate() == null) {
            problems.add("decision.judgmentDate", "required");
        } else if (d.judgmentDate().isAfter(today)) {
            problems.add("decision.judgmentDate", "past");
        }
        if (d.effectiveDate() == null) {
            problems.add("decision.effectiveDate", "required");
        } else {
            if (d.effectiveDate().isAfter(today)) {
                problems.add("decision.effectiveDate", "past");
            }
            if (d.judgmentDate() != null && d.effectiveDate().isBefore(d.judgmentDate())) {
                problems.add("decision.effectiveDate", "effectiveBeforeJudgment");
            }
        }
        if (d.termStart() == null) {
            problems.add("decision.termStart", "required");
        }
        if (d.termEnd() == null) {
            problems.add("decision.termEnd", "required");
        } else if (d.termStart() != null && !d.termEnd().isAfter(d.termStart())) {
            problems.add("decision.termEnd", "termEndAfterStart");
        } else if (d.termStart() != null && d.termEnd().isAfter(d.termStart().plusYears(10))) {
            problems.add("decision.termEnd", "termTooLong");
        }
        sentence(d, problems);
        if (d.correctionType() == CorrectionType.TEMPORARY_EXECUTION && d.handoverInstitutionId() == null) {
            problems.add("decision.handoverInstitutionId", "institutionForTemporaryExecution");
        }
    }

    /** The longest original sentence recorded, in months (25 years: the longest fixed-term sentence, Criminal Law art. 69). */
    public static final int MAX_SENTENCE_MONTHS = 300;

    /**
     * The original sentence (原判刑期), optional: only for parole and temporary execution (the other types' term proves it),
     * 1–300 months, and not shorter than the rest of it the correction term runs.
     */
    static void sentence(DecisionData d, FieldProblems problems) {
        Integer months = d.sentenceMonths();
        if (months == null) {
            return;
        }
        if (d.correctionType() != null && !d.correctionType().remainderOfSentence()) {
            problems.add("decision.sentenceMonths", "sentenceNotApplicable");
        } else if (months < 1 || months > MAX_SENTENCE_MONTHS) {
            problems.add("decision.sentenceMonths", "sentenceRange", MAX_SENTENCE_MONTHS);
        } else if (d.termStart() != null
                && d.termEnd() != null
                && d.termEnd().isAfter(d.termStart().plusMonths(months))) {
            problems.add("decision.sentenceMonths", "sentenceShorterThanTerm");
        }
    }

    public static void caseNumber(String number, String field, boolean required, FieldProblems problems) {
        if (number == null || number.isBlank()) {
            if (required) {
                problems.add(field, "required");
            }
        } else if (!CASE_NUMBER.matcher(number.strip()).matches()) {
            problems.add(field, "caseNumber");
        }
    }

    public void team(List<CaseData.TeamMember> members, Gender subjectGender, FieldProblems problems) {
        if (members == null || members.isEmpty()) {
            problems.add("members", "teamEmpty");
            return;
        }
        if (members.size() > 12) {
            problems.add("members", "maxItems", 12);
        }
        for (int i = 0; i < members.size(); i++) {
            CaseData.TeamMember m = members.get(i);
            if (m == null) {
                problems.add("members[" + i + "]", "required");
                continue;
            }
            if (m.name() == null
                    || m.name().isBlank()
                    || !NAME.matcher(m.name().strip()).matches()) {
                problems.add(
                        "members[" + i + "].name", m.name() == null || m.name().isBlank() ? "required" : "personName");
            }
            if (m.role() == null) {
                problems.add("members[" + i + "].role", "required");
            }
            if (m.gender() == null) {
                problems.add("members[" + i + "].gender", "required");
            }
        }
        if (subjectGender == Gender.FEMALE
                && members.stream().noneMatch(m -> m != null && m.gender() == Gender.FEMALE)) {
            problems.add("members", "womanInTeam");
        }
    }
}
