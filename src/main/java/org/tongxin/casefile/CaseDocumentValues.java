package org.tongxin.casefile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;

/**
 * What the Chinese documents of a case share, written once for the modules that issue them (the intake's, the end's,
 * the responses'): the subject as the documents name it, labels in Chinese, the names of the agencies a copy goes to,
 * and the issue itself, numbered with the issuer's next document number of the year ({@link DocumentNumbers}:
 * 城东矫〔2026〕12号) and dated. A value that is missing or blank is left out (the template leaves its line out).
 */
@Component
public class CaseDocumentValues {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final DocumentNumbers numbers;
    private final Documents documents;

    CaseDocumentValues(
            CaseDirectory cases,
            AgencyDirectory agencies,
            MessageSource messages,
            DocumentNumbers numbers,
            Documents documents) {
        this.cases = cases;
        this.agencies = agencies;
        this.messages = messages;
        this.numbers = numbers;
        this.documents = documents;
    }

    /** The subject as every document of the case names it: name, gender, birth date and identity number. */
    public Map<String, String> subject(CaseId id) {
        return subject(cases.subjectForDocuments(id).orElseThrow());
    }

    /** The subject with the address and the charges (the documents about the offence and its consequences). */
    public Map<String, String> subjectWithCharges(CaseId id) {
        SubjectView s = cases.subjectForDocuments(id).orElseThrow();
        Map<String, String> v = subject(s);
        put(v, "address", s.residenceAddress());
        List<String> charges = cases.charges(id);
        if (!charges.isEmpty()) {
            v.put("charges", Charges.display(charges, ZH));
        }
        return v;
    }

    private Map<String, String> subject(SubjectView s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("subjectName", s.name());
        if (s.gender() != null) {
            v.put("gender", label("case.gender." + s.gender().name()));
        }
        put(v, "birthDate", s.birthDate());
        put(v, "idNumber", s.idNumber());
        return v;
    }

    /** The Chinese text of a message key (the key itself when the bundles lack it). */
    public String label(String key) {
        return messages.getMessage(key, null, key, ZH);
    }

    /** The Chinese name of an agency. */
    public String name(AgencyId id) {
        return agencies.get(id).nameZh();
    }

    /** The Chinese names of the agencies a copy goes to, in order, joined with 、; an absent agency is skipped. */
    public String names(Collection<@Nullable AgencyId> ids) {
        return ids.stream().filter(Objects::nonNull).map(this::name).collect(Collectors.joining("、"));
    }

    /** Issues the document as {@code issuer} on {@code today}: its number and date are added to the values. */
    public DocumentId issue(
            DocumentTemplate template, CaseId caseId, AgencyView issuer, LocalDate today, Map<String, String> v) {
        v.put("documentNumber", numbers.next(issuer.id().value(), issuer.abbreviation(), today));
        v.put("issueDate", today.toString());
        return documents.generate(template, caseId.value(), v);
    }

    /** Puts a value that is given and not blank. */
    public static void put(Map<String, String> v, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }

    /** Puts a date that is given (ISO, as the templates format it). */
    public static void put(Map<String, String> v, String key, @Nullable LocalDate date) {
        if (date != null) {
            v.put(key, date.toString());
        }
    }
}
