package org.tongxin.coordination;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.coordination.ConflictViews.ConflictView;
import org.tongxin.coordination.MeetingViews.AgendaItem;
import org.tongxin.coordination.MeetingViews.DecisionView;
import org.tongxin.coordination.MeetingViews.MeetingView;
import org.tongxin.coordination.internal.ConflictRepository;
import org.tongxin.coordination.internal.MeetingRepository;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.identity.CurrentUser;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;

/**
 * The notice (联席会议通知) and the minutes (联席会议纪要) of a meeting as Chinese PDFs, rendered on demand for those who
 * see the meeting (they are not case documents, so no file is stored); every download is audited, since agenda
 * items may name cases. Each carries the document number it was given when issued ({@link Meetings}: the notice when the
 * meeting is convened, the minutes when first recorded), so every rendering shows the same number; a meeting from before
 * numbers were kept gets its number at the first rendering.
 */
@Component
public class MeetingDocuments {

    /** A rendered document: its file name and bytes. */
    public record Pdf(String fileName, byte[] content) {}

    private final Meetings meetings;
    private final ConflictRepository conflicts;
    private final Documents documents;
    private final AgencyDirectory agencies;
    private final CaseDirectory cases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final MeetingRepository repository;
    private final DocumentNumbers numbers;
    private final Clock clock;

    MeetingDocuments(
            Meetings meetings,
            ConflictRepository conflicts,
            Documents documents,
            AgencyDirectory agencies,
            CaseDirectory cases,
            CurrentUser currentUser,
            AuditLog audit,
            MeetingRepository repository,
            DocumentNumbers numbers,
            Clock clock) {
        this.meetings = meetings;
        this.conflicts = conflicts;
        this.documents = documents;
        this.agencies = agencies;
        this.cases = cases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.repository = repository;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Transactional
    public Pdf notice(MeetingId id) {
        MeetingView m = meetings.view(id);
        if (m.status() == MeetingStatus.CANCELLED) {
            throw TongxinException.conflict("MEETING_CANCELLED");
        }
        Map<String, String> v = common(m);
        v.put("documentNumber", number(m, true));
        v.put("scheduledAt", local(m.scheduledAt()));
        v.put("contact", currentUser.get().displayName());
        v.put("issueDate", LegalTime.dateOf(m.createdAt()).toString());
        AgencyView convenor = agencies.find(m.convenor()).orElseThrow();
        v.put("contactPhone", convenor.phone());
        byte[] pdf = documents.render(DocumentTemplate.MEETING_NOTICE, v);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "meeting.notice")
                .target("meeting", id)
                .purpose("download"));
        return new Pdf("联席会议通知.pdf", pdf);
    }

    @Transactional
    public Pdf minutes(MeetingId id) {
        MeetingView m = meetings.view(id);
        if (m.minutes() == null) {
            throw TongxinException.conflict("MEETING_NOT_HELD");
        }
        Map<String, String> v = common(m);
        v.put("documentNumber", number(m, false));
        v.put("heldAt", local(m.heldAt()));
        v.put("minutes", m.minutes());
        Map<AgencyId, AgencyView> names = agencies.findAll(
                m.decisions().stream().map(DecisionView::owingAgency).toList());
        List<String> decisions = new ArrayList<>();
        for (DecisionView d : m.decisions()) {
            decisions.add(name(names.get(d.owingAgency())) + "：" + d.text() + "（" + chineseDate(d.dueDate()) + "前落实"
                    + (d.done() ? "，已落实" : "") + "）");
        }
        v.put("decisions", String.join("\n", decisions));
        v.put("contact", currentUser.get().displayName());
        v.put("issueDate", LegalTime.dateOf(m.heldAt()).toString());
        byte[] pdf = documents.render(DocumentTemplate.MEETING_MINUTES, v);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "meeting.minutes")
                .target("meeting", id)
                .purpose("download"));
        return new Pdf("联席会议纪要.pdf", pdf);
    }

    /** The notice's or the minutes' number as given when issued; given now for a meeting from before numbers were kept. */
    private String number(MeetingView m, boolean notice) {
        MeetingRepository.DocumentNumbers given =
                repository.documentNumbersForUpdate(m.id()).orElseThrow(TongxinException::notFound);
        String number = notice ? given.notice() : given.minutes();
        if (number != null) {
            return number;
        }
        AgencyView convenor = agencies.find(m.convenor()).orElseThrow();
        number = numbers.next(convenor.id().value(), convenor.abbreviation(), LegalTime.today(clock));
        if (notice) {
            repository.noticeNumbered(m.id(), number);
        } else {
            repository.minutesNumbered(m.id(), number);
        }
        return number;
    }

    private Map<String, String> common(MeetingView m) {
        Map<String, String> v = new LinkedHashMap<>();
        AgencyView convenor = agencies.find(m.convenor()).orElseThrow();
        v.put("convenorName", convenor.nameZh());
        v.put("title", m.title());
        v.put("place", m.place());
        Map<AgencyId, AgencyView> attendees = agencies.findAll(m.attendees());
        v.put(
                "attendees",
                String.join(
                        "\n",
                        m.attendees().stream().map(a -> name(attendees.get(a))).toList()));
        v.put("agenda", String.join("\n", agenda(m)));
        return v;
    }

    /** The agenda lines in Chinese: topics, case numbers (as far as the reader sees the case), conflicts, reviews. */
    private List<String> agenda(MeetingView m) {
        List<CaseId> caseIds = m.agenda().stream()
                .map(AgendaItem::caseId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<CaseId, CaseSummary> summaries =
                caseIds.isEmpty() ? Map.of() : cases.summaries(caseIds, "meeting.document");
        Map<DecisionId, DecisionView> reviewed = meetings.reviewed(m);
        Map<AgencyId, AgencyView> owing = agencies.findAll(
                reviewed.values().stream().map(DecisionView::owingAgency).toList());
        List<String> lines = new ArrayList<>();
        for (AgendaItem item : m.agenda()) {
            switch (item.kind()) {
                case TOPIC -> lines.add("议题：" + item.topic());
                case CASE -> {
                    CaseSummary s = summaries.get(item.caseId());
                    lines.add("个案研究：" + (s == null || s.caseNumber() == null ? "（案件）" : s.caseNumber())
                            + (item.topic() == null ? "" : "，" + item.topic()));
                }
                case CONFLICT -> {
                    ConflictView c = conflicts.find(item.conflictId()).orElse(null);
                    lines.add("协调冲突：" + (c == null ? "（冲突）" : c.type().nameZh() + "类，" + abbreviate(c.point(), 80)));
                }
                case REVIEW -> {
                    DecisionView d = reviewed.get(item.decisionId());
                    if (d != null) {
                        lines.add("回顾以往决定：" + name(owing.get(d.owingAgency())) + "，" + abbreviate(d.text(), 60) + "（"
                                + (d.done() ? "已落实" : chineseDate(d.dueDate()) + "前落实，尚未报告") + "）");
                    }
                }
            }
        }
        return lines;
    }

    private static String name(AgencyView a) {
        return a == null ? "—" : a.nameZh();
    }

    private static String local(java.time.Instant at) {
        return LocalDateTime.ofInstant(at, LegalTime.ZONE)
                .withSecond(0)
                .withNano(0)
                .toString();
    }

    private static String chineseDate(java.time.LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "……";
    }
}
