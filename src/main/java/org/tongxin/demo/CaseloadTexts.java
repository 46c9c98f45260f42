package org.tongxin.demo;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.ItemCode;

/**
 * The words of the City A caseload: offences, assessment findings, the documents in each bundle, search records,
 * correction teams, plans and announcements, written the way the agencies write them.
 */
final class CaseloadTexts {

    private final CaseloadPeople people;

    CaseloadTexts(CaseloadPeople people) {
        this.people = people;
    }

    String offence(OffenceCategory category) {
        return switch (category) {
            case DANGEROUS_DRIVING -> "醉酒驾驶机动车，经检测血液酒精含量为 " + people.between(86, 236) + "mg/100ml，未造成人员伤亡。";
            case THEFT ->
                people.pick(List.of(
                        "多次在居民小区盗窃电动车电瓶，价值共计 " + people.between(3, 9) + " 千余元，赃物已追回。",
                        "入户盗窃现金及金饰，价值人民币 " + people.between(5, 18) + " 千余元，已全部退赔。",
                        "在农贸市场扒窃手机两部，价值 " + people.between(4, 8) + " 千余元。"));
            case FRAUD ->
                people.pick(List.of(
                        "以帮助办理工作调动为由，骗取他人钱款 " + people.between(3, 20) + " 万元，已退赔并取得谅解。",
                        "通过网络虚构投资理财项目，骗取被害人钱款 " + people.between(2, 12) + " 万元，案发后全部退赔。",
                        "冒用他人名义签订购销合同，骗取货款 " + people.between(5, 30) + " 万元。"));
            case INTENTIONAL_INJURY ->
                people.pick(List.of("因邻里宅基地纠纷，持木棍击打他人致轻伤二级，已赔偿并取得谅解。", "酒后与他人发生口角，拳击对方面部致鼻骨骨折（轻伤一级），案发后自首。"));
            case TRAFFIC_ACCIDENT ->
                "驾驶" + people.pick(List.of("重型货车", "小型客车", "三轮摩托车")) + "违规超车，致一人死亡，负事故主要责任，已赔偿被害人家属并取得谅解。";
            case PICKING_QUARRELS -> people.pick(List.of("在夜市酒后滋事，随意殴打他人致二人轻微伤。", "纠集他人在客运站强拿硬要，强索他人财物，情节恶劣。"));
            case GAMBLING -> "在自家棋牌室内设置赌博机供他人赌博，抽头渔利 " + people.between(2, 9) + " 万余元。";
            case CORRUPTION_BRIBERY -> "利用担任村委会主任的职务便利，收受他人财物共计 " + people.between(6, 40) + " 万元，为他人谋取利益。";
            case DRUGS -> "贩卖毒品甲基苯丙胺 " + people.between(2, 9) + "." + people.between(1, 9) + " 克。";
            case DUTY_CRIME -> "担任公司出纳期间，利用职务便利挪用单位资金 " + people.between(10, 60) + " 万元用于个人投资，已归还。";
            case ENVIRONMENT -> "在禁渔期内使用电鱼方法在白河流域非法捕捞水产品 " + people.between(20, 90) + " 余公斤。";
            case OTHER -> "非法占用农用地建房，改变被占用土地用途，造成耕地大量毁坏。";
        };
    }

    /**
     * The charges (罪名) that fit an offence summary of {@link #offence}: the category's usual charge, 合同诈骗罪 for the
     * fraud by a sham sales contract.
     */
    static List<String> charges(OffenceCategory category, String summary) {
        return List.of(
                switch (category) {
                    case DANGEROUS_DRIVING -> "危险驾驶罪";
                    case THEFT -> "盗窃罪";
                    case FRAUD -> summary != null && summary.contains("合同") ? "合同诈骗罪" : "诈骗罪";
                    case INTENTIONAL_INJURY -> "故意伤害罪";
                    case TRAFFIC_ACCIDENT -> "交通肇事罪";
                    case PICKING_QUARRELS -> "寻衅滋事罪";
                    case GAMBLING -> "开设赌场罪";
                    case CORRUPTION_BRIBERY -> "受贿罪";
                    case DRUGS -> "走私、贩卖、运输、制造毒品罪";
                    case DUTY_CRIME -> "挪用资金罪";
                    case ENVIRONMENT -> "非法捕捞水产品罪";
                    case OTHER -> "非法占用农用地罪";
                });
    }

    /** Why a temporary execution was decided (CPL art. 265: serious illness, pregnancy or nursing, unable to care for oneself). */
    String health(boolean woman) {
        if (woman && people.chance(60)) {
            return "怀孕" + people.between(3, 6) + "个月，经医院检查确认，适用暂予监外执行。";
        }
        return people.pick(List.of(
                "患扩张型心肌病，心功能 III 级，经省人民政府指定医院诊断，需长期治疗。",
                "患肝硬化失代偿期，伴腹水，经鉴定短期内有生命危险。",
                "患 2 型糖尿病并发肾功能衰竭，需每周透析三次。",
                "脑梗死后遗症，左侧肢体偏瘫，经鉴定生活不能自理。"));
    }

    /** The assessment, the bundles and the intake texts of a story. */
    void fill(CaseloadScript.Story story) {
        CaseloadScript.Township t = story.township;
        String where = t.nameZh() + (t.urban() ? "所在社区居民委员会" : "村民委员会");
        story.findings = "调查人员走访了被告人居住地" + where + "、家庭成员及" + people.pick(List.of("工作单位", "邻居", "原就读学校", "务工场所负责人"))
                + "，查阅了相关材料。被告人居所固定，"
                + people.pick(List.of("平时表现尚可，无不良嗜好", "家庭关系和睦，有稳定收入", "案发后认罪悔罪，积极赔偿", "与邻里相处融洽，无前科劣迹"))
                + "，家庭成员表示愿意协助监督管理。";
        story.reasons = "被告人认罪悔罪，没有再犯罪的危险，对所居住社区没有重大不良影响，具备社区矫正监管条件。";
        story.materials = List.of(
                new NewItem(ItemCode.CASE_MATERIALS, "起诉书副本", null), new NewItem(ItemCode.OTHER, "被告人户籍及居住情况证明", null));
        CaseloadScript.Decision d = story.decision;
        if (d != null) {
            List<NewItem> documents = new ArrayList<>();
            documents.add(new NewItem(ItemCode.DECISION_DOCUMENT, d.caseNumber() + decisionTitle(story), null));
            documents.add(new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书", null));
            documents.add(new NewItem(ItemCode.GUARANTEE, "接受社区矫正保证书", null));
            if (d.type() == CorrectionType.PAROLE) {
                documents.add(new NewItem(ItemCode.CUSTODY_RECORD, "罪犯出监鉴定表及服刑期间表现材料", null));
            }
            if (d.type() == CorrectionType.TEMPORARY_EXECUTION) {
                documents.add(new NewItem(ItemCode.MEDICAL_ASSESSMENT, "病情诊断证明书", null));
            }
            story.documents = List.copyOf(documents);
            story.transferItems = List.of(
                    new NewItem(ItemCode.DECISION_DOCUMENT, d.caseNumber() + decisionTitle(story), null),
                    new NewItem(ItemCode.MEDICAL_ASSESSMENT, "病情诊断证明书", null),
                    new NewItem(ItemCode.CUSTODY_RECORD, "羁押期间表现及档案材料", null));
        }
        story.searchRecord = "报到期限届满后，矫正机构多次拨打本人及家属电话均无人接听，到居住地" + t.nameZh() + "走访未见本人，邻居反映其外出务工、去向不明；已通报辖区派出所协助查找。";
        story.team = team(story);
        story.plan = plan(story);
        story.announcementPlace = t.nameZh() + "司法所宣告室";
        story.announcementAttendees = "矫正小组成员、" + (story.subject.guardianName() != null ? "监护人" : "家属代表") + "、社区民警";
    }

    void unsuitable(CaseloadScript.Story story) {
        story.findings = "调查人员走访了被告人户籍地和居住地，被告人长期在外租住、居无定所，家庭成员明确表示不愿协助监管，" + "所在村（居）民委员会反映其曾多次与邻里发生冲突。";
        story.reasons = "被告人不具备社区矫正的监管条件，对所居住社区有较大不良影响。";
    }

    private static String decisionTitle(CaseloadScript.Story story) {
        return switch (story.decision.type()) {
            case PAROLE -> "刑事裁定书";
            case TEMPORARY_EXECUTION ->
                story.spec.organ() == CaseloadScript.Organ.CITY_POLICE ? "暂予监外执行批准决定书" : "暂予监外执行决定书";
            default -> "刑事判决书";
        };
    }

    /** The office's staff, the residents' or villagers' committee, family or guardian; a woman when the subject is one. */
    private List<CaseloadScript.Seat> team(CaseloadScript.Story story) {
        List<CaseloadScript.Seat> seats = new ArrayList<>();
        Gender staff = people.chance(50) ? Gender.FEMALE : Gender.MALE;
        seats.add(new CaseloadScript.Seat(people.name(staff), TeamRole.OFFICE_STAFF, staff, story.township.office()));
        boolean woman = story.subject.gender() == Gender.FEMALE;
        Gender committee =
                woman && staff == Gender.MALE ? Gender.FEMALE : people.chance(50) ? Gender.FEMALE : Gender.MALE;
        seats.add(new CaseloadScript.Seat(people.name(committee), TeamRole.COMMITTEE, committee, null));
        if (story.subject.guardianName() != null) {
            Gender guardian = "母亲".equals(story.subject.guardianRelation()) ? Gender.FEMALE : Gender.MALE;
            seats.add(new CaseloadScript.Seat(story.subject.guardianName(), TeamRole.GUARDIAN, guardian, null));
            Gender teacher = people.chance(60) ? Gender.FEMALE : Gender.MALE;
            seats.add(new CaseloadScript.Seat(people.name(teacher), TeamRole.EMPLOYER_OR_SCHOOL, teacher, null));
        } else {
            Gender family = people.chance(50) ? Gender.FEMALE : Gender.MALE;
            seats.add(new CaseloadScript.Seat(
                    story.subject.name().charAt(0) + people.name(family).substring(1), TeamRole.FAMILY, family, null));
        }
        if (people.chance(50)) {
            Gender worker = people.chance(70) ? Gender.FEMALE : Gender.MALE;
            seats.add(new CaseloadScript.Seat(people.name(worker), TeamRole.SOCIAL_WORKER, worker, null));
        }
        return List.copyOf(seats);
    }

    private String plan(CaseloadScript.Story story) {
        StringBuilder plan = new StringBuilder();
        plan.append("一、每周电话报告一次、每月到").append(story.township.nameZh()).append("司法所当面报告一次思想、工作和生活情况；");
        plan.append("二、每月参加集中教育学习不少于 8 小时、社区公益活动不少于 8 小时；");
        plan.append("三、由社区网格员每月走访一次，家属协助日常监督；");
        if (story.subject.guardianName() != null) {
            plan.append("四、由监护人陪同报到，联系教育部门保障其完成学业，心理咨询师每月辅导一次，身份信息严格保密；");
        } else if (story.decision != null && story.decision.type() == CorrectionType.TEMPORARY_EXECUTION) {
            plan.append("四、每三个月提交一次病情复查情况，就医外出须事先报告；");
        } else {
            plan.append("四、联系人社部门提供就业指导和技能培训；");
        }
        plan.append("五、每季度进行一次综合评估，根据表现调整矫正措施。");
        return plan.toString();
    }
}
