package org.tongxin.document;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.document.internal.DocumentRepository;

/**
 * The one form of document number (发文字号) of every document Tongxin issues, GB/T 9704 7.2.4: the organ's
 * abbreviation (机关代字), the year in 〔〕 and the organ's sequence of the year, e.g. {@code 城东矫〔2026〕12号}. Each organ
 * has one sequence per year over all its documents. A court's case number (案号, {@code （2026）城东刑初12号}) is not a
 * document number and keeps its own form. Modules that render a document ask here for its number in the issuing
 * transaction: {@code numbers.next(agency.id().value(), agency.abbreviation(), today)}.
 */
@Component
public class DocumentNumbers {

    private final DocumentRepository repository;

    DocumentNumbers(DocumentRepository repository) {
        this.repository = repository;
    }

    /** The organ's next number in the year of {@code day}, e.g. 城东矫〔2026〕12号. */
    @Transactional
    public String next(UUID organ, String abbreviation, LocalDate day) {
        return format(abbreviation, day.getYear(), repository.nextSerial(organ, day.getYear()));
    }

    /** The written form: {@code 城东矫〔2026〕12号} (Arabic digits, no leading zeros, no spaces). */
    public static String format(String abbreviation, int year, int serial) {
        if (abbreviation == null || abbreviation.isBlank() || serial < 1) {
            throw new IllegalArgumentException("A document number needs an abbreviation and a serial from 1");
        }
        return abbreviation.strip() + "〔" + year + "〕" + serial + "号";
    }
}
