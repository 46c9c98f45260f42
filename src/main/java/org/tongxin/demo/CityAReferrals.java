package org.tongxin.demo;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.Capacities;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.ReferralViews.CapacityChange;
import org.tongxin.assistance.ReferralViews.CapacityLine;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.Referrals;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.shared.web.PageQuery;

/**
 * A handful of assistance referrals for 城东区's cases under correction, made through the assistance module's façade as
 * the demo users, once the caseload is there (at today's time): one awaiting civil affairs' answer, one declined by
 * HRSS with its reason, one in progress with a contact and a progress note, one holding civil affairs' only housing place
 * and one waiting behind it, and one awaiting the counselling centre. Each step is one call of {@link Referrals} as
 * the acting user, so a story of several departments (refer, decline as a given user) is written the same way.
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class CityAReferrals {

    private static final Logger log = LoggerFactory.getLogger(CityAReferrals.class);

    private final Referrals referrals;
    private final Capacities capacities;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final DemoUsers users;
    private final EventQuiescence reactions;

    CityAReferrals(
            Referrals referrals,
            Capacities capacities,
            CaseDirectory cases,
            AgencyDirectory agencies,
            DemoUsers users,
            EventQuiescence reactions) {
        this.referrals = referrals;
        this.capacities = capacities;
        this.cases = cases;
        this.agencies = agencies;
        this.users = users;
        this.reactions = reactions;
    }

    /** Makes the referrals; returns how many (fewer when 城东区 has fewer cases under correction than stories). */
    int seed() {
        // Cases under correction first, then those still in intake (a subject may be referred from the decision on).
        List<CaseId> chengdong = new ArrayList<>();
        for (CaseStatus status : List.of(CaseStatus.UNDER_CORRECTION, CaseStatus.INTAKE)) {
            chengdong.addAll(users.actAs(
                    "cd.county",
                    () -> cases
                            .search(
                                    new CaseSearch(null, null, null, status, null),
                                    new PageQuery(0, 20, "updated", false),
                                    "demo")
                            .items()
                            .stream()
                            .map(CaseSummary::id)
                            .toList()));
        }
        List<Runnable> stories = new ArrayList<>();
        AgencyId civil = agency("A-CIVIL");
        AgencyId hrss = agency("A-HRSS");
        AgencyId heart = agency("A-SO-HEART");
        stories.add(() -> refer(
                chengdong.get(0), AssistanceService.SUBSISTENCE_ALLOWANCE, civil, "对象失业半年，配偶患病，家庭无固定收入，请审核最低生活保障。"));
        stories.add(() -> {
            ReferralId id = refer(chengdong.get(1), AssistanceService.JOB_TRAINING, hrss, "对象有意学习电工技能，希望参加职业技能培训。");
            users.actAs(
                    "hrss.worker",
                    () -> referrals.decline(id, version(id, "hrss.worker"), "本期电工培训班已满员，下期明年三月开班，届时请重新转介。"));
        });
        stories.add(() -> {
            ReferralId id =
                    refer(chengdong.get(2), AssistanceService.TEMPORARY_ASSISTANCE, civil, "对象家中房屋因暴雨受损，急需临时救助。");
            users.actAs("civil.worker", () -> {
                referrals.accept(id, version(id, "civil.worker"));
                referrals.recordContact(id, version(id, "civil.worker"), null, "电话联系对象，已入户查看房屋受损情况。");
                referrals.addProgressNote(id, version(id, "civil.worker"), null, "临时救助金三千元已审批，正在发放。");
            });
        });
        stories.add(() -> {
            users.actAs("civil.worker", () -> {
                CapacityLine housing = capacities.capacity().stream()
                        .filter(l -> l.service() == AssistanceService.HOUSING)
                        .findFirst()
                        .orElseThrow();
                capacities.declareCapacity(
                        List.of(new CapacityChange(AssistanceService.HOUSING, 1, 1, housing.version())));
            });
            for (int i = 3; i <= 4; i++) {
                ReferralId id = refer(chengdong.get(i), AssistanceService.HOUSING, civil, "对象租住的房屋即将到期，无力续租，请协助住房救助。");
                users.actAs("civil.worker", () -> referrals.accept(id, version(id, "civil.worker")));
            }
        });
        stories.add(() -> refer(
                chengdong.get(5), AssistanceService.PSYCHOLOGICAL_COUNSELLING, heart, "对象近期情绪低落、失眠，与家人关系紧张，请安排心理辅导。"));
        int made = 0;
        for (Runnable story : stories) {
            try {
                story.run();
                made++;
            } catch (IndexOutOfBoundsException notEnoughCases) {
                break;
            } catch (RuntimeException refused) {
                log.warn(
                        "City A demo referrals: a story was refused ({}); the demo goes on without it",
                        refused.getMessage());
            }
            reactions.awaitAll(java.time.Duration.ofSeconds(5));
        }
        return made;
    }

    private ReferralId refer(CaseId caseId, AssistanceService service, AgencyId to, String note) {
        return users.actAs("cd.county", () -> referrals.refer(caseId, new NewReferral(service, to, note)));
    }

    private int version(ReferralId id, String username) {
        return users.actAs(username, () -> referrals.view(id).version());
    }

    private AgencyId agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }
}
