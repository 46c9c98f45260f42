package org.tongxin.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper: realistic values for every template (a fictitious subject of City A's 城东区) and a place to keep the
 * PDFs the tests make ({@code target/documents}, kept as build artefacts so a person can look at them).
 */
public final class DocumentSamples {

    /** A checksum-valid identity number of the demo's fictitious division 369902; it must never reach a log. */
    public static final String ID_NUMBER = "369902198805123410";

    public static final String SUBJECT = "李明轩";
    public static final Path OUTPUT = Path.of("target/documents");

    private DocumentSamples() {}

    public static Map<String, String> values(DocumentTemplate template) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("subjectName", SUBJECT);
        v.put("issueDate", "2025-03-10");
        switch (template) {
            case ENTRUSTMENT_LETTER -> {
                v.put("documentNumber", "城东法〔2025〕1号");
                v.put("courtName", "城东区人民法院");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("procuratorateName", "城东区人民检察院");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "A市城东区东门街道中心路 18 号 3 栋 502 室");
                v.put("charges", "危险驾驶罪");
                v.put("intendedPlace", "城东区（东门街道司法所）");
                v.put("expedited", "false");
                v.put("deadlineDate", "2025-03-24");
                v.put("contact", "王法官");
                v.put("contactPhone", "0700-8100555");
                v.put("attachments", "起诉书副本\n被告人户籍证明");
            }
            case ASSESSMENT_OPINION -> {
                v.put("documentNumber", "城东矫〔2025〕7号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("courtName", "城东区人民法院");
                v.put("procuratorateName", "城东区人民检察院");
                v.put("letterNumber", "（2025）城东刑委字第 0001 号");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "A市城东区东门街道中心路 18 号 3 栋 502 室");
                v.put("charges", "危险驾驶罪");
                v.put(
                        "findings",
                        "经走访被告人居住地东门社区居民委员会、工作单位及家庭成员，被告人居住稳定，"
                                + "与妻子、女儿共同生活，在本市某物流公司任驾驶员五年，表现良好，无其他违法犯罪记录。\n"
                                + "其家庭成员愿意协助监督管理，社区居民委员会同意配合开展社区矫正工作。");
                v.put("opinion", "适用社区矫正");
                v.put("reasons", "被告人有固定住所和稳定工作，认罪悔罪态度较好，家庭和社区具备监管条件，" + "对所居住社区没有重大不良影响。");
                v.put("contact", "赵敏");
                v.put("contactPhone", "0700-8100740");
            }
            case RECEIPT -> {
                v.put("documentNumber", "城东矫〔2025〕12号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("decisionOrganName", "城东区人民法院");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("documentsReceived", "刑事判决书\n起诉书副本\n执行通知书\n结案登记表");
                v.put("receivedAt", "2025-04-02T10:30");
                v.put("missingItems", "社区矫正对象居住地核实材料");
                v.put("receiver", "赵敏");
                v.put("contact", "赵敏");
                v.put("contactPhone", "0700-8100740");
                v.put("issueDate", "2025-04-03");
            }
            case REPORTING_NOTICE -> {
                v.put("documentNumber", "城东法〔2025〕45号");
                v.put("decisionOrganName", "城东区人民法院");
                v.put("idNumber", ID_NUMBER);
                v.put("charges", "危险驾驶罪");
                v.put("judgmentNumber", "（2025）城东刑初字第 123 号");
                v.put("correctionType", "缓刑");
                v.put("effectiveDate", "2025-03-28");
                v.put("deadlineDate", "2025-04-07");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("agencyAddress", "A市城东区司法路 6 号");
                v.put("agencyPhone", "0700-8100740");
                v.put("copyTo", "城东区社区矫正管理局，城东区人民检察院");
                v.put("issueDate", "2025-03-28");
            }
            case ENTRY_ANNOUNCEMENT -> {
                v.put("documentNumber", "城东矫〔2025〕31号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("charges", "危险驾驶罪");
                v.put("decisionOrganName", "城东区人民法院");
                v.put("judgmentNumber", "（2025）城东刑初字第 123 号");
                v.put("correctionType", "缓刑");
                v.put("termStart", "2025-03-28");
                v.put("termEnd", "2026-03-27");
                v.put("obligations", "缓刑考验期内禁止驾驶机动车");
                v.put("teamMembers", "陈静（东门街道司法所，组长）\n刘洋（东门社区居民委员会）\n李华（社区矫正对象之妻，家庭成员）\n" + "孙倩（社会工作者）");
                v.put("announcer", "陈静");
                v.put("announcementPlace", "东门街道司法所");
                v.put("issueDate", "2025-04-03");
            }
            case MEETING_NOTICE -> {
                v.put("documentNumber", "A市矫委〔2025〕7号");
                v.put("convenorName", "A市社区矫正委员会办公室");
                v.put("title", "社区矫正对象就业和救助衔接");
                v.put("scheduledAt", "2025-04-15T09:30");
                v.put("place", "A市司法局三楼会议室");
                v.put("attendees", "A市民政局\nA市人力资源和社会保障局\n城东区社区矫正管理局");
                v.put("agenda", "个案研究：社区矫正对象" + SUBJECT + "的就业安置\n协调冲突：职业培训与最低生活保障救助的责任划分\n" + "回顾：上次会议决定的落实情况");
                v.put("contact", "王芳");
                v.put("contactPhone", "0700-8100222");
                v.put("issueDate", "2025-04-08");
            }
            case MEETING_MINUTES -> {
                v.put("documentNumber", "A市矫委〔2025〕7号");
                v.put("convenorName", "A市社区矫正委员会办公室");
                v.put("title", "社区矫正对象就业和救助衔接");
                v.put("heldAt", "2025-04-15T09:30");
                v.put("place", "A市司法局三楼会议室");
                v.put("attendees", "A市民政局\nA市人力资源和社会保障局\n城东区社区矫正管理局");
                v.put("agenda", "协调冲突：职业培训与最低生活保障救助的责任划分");
                v.put("minutes", "会议听取了城东区社区矫正管理局关于社区矫正对象" + SUBJECT + "的情况介绍，民政、人社部门分别说明了各自政策。");
                v.put("decisions", "A市人力资源和社会保障局：安排职业技能培训，2025年5月13日前完成\nA市民政局：审核最低生活保障申请，2025年5月13日前完成");
                v.put("contact", "王芳");
                v.put("issueDate", "2025-04-15");
            }
            case REFERRAL_LETTER -> {
                v.put("documentNumber", "城东矫〔2025〕7号");
                v.put("fromAgencyName", "城东区社区矫正管理局");
                v.put("toAgencyName", "A市民政局");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("service", "最低生活保障");
                v.put("subjectDetails", "姓名：" + SUBJECT + "\n性别：男\n公民身份号码：" + ID_NUMBER + "\n联系电话：13907001234");
                v.put("referralNote", "对象失业半年，家庭无固定收入，申请最低生活保障。");
                v.put("answerDays", "5");
                v.put("contact", "陈静");
                v.put("contactPhone", "0700-8100740");
                v.put("issueDate", "2025-04-03");
            }
            case LEAVE_APPROVAL -> {
                v.put("documentNumber", "城东矫〔2026〕3号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("subjectName", SUBJECT);
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("destination", "广东省广州市");
                v.put("reason", "探望住院的母亲");
                v.put("departOn", "2026-03-09");
                v.put("returnOn", "2026-03-18");
                v.put("days", "10");
                v.put("approverLevel", "县级社区矫正机构");
                v.put("issueDate", "2026-03-05");
            }
            case TERMINATION_CERTIFICATE -> {
                v.put("documentNumber", "城东矫〔2025〕3号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("subjectName", SUBJECT);
                v.put("gender", "男");
                v.put("birthDate", "1990-05-17");
                v.put("idNumber", ID_NUMBER);
                v.put("decisionOrganName", "城东区人民法院");
                v.put("judgmentNumber", "（2024）城东刑初字第 123 号");
                v.put("correctionType", "缓刑");
                v.put("termStart", "2024-04-01");
                v.put("termEnd", "2025-03-31");
                v.put("endedOn", "2025-03-31");
                v.put("reason", "社区矫正期满");
                v.put("copyTo", "城东区人民法院、城东区人民检察院、城东区公安分局");
                v.put("issueDate", "2025-03-31");
            }
            case DEATH_NOTICE -> {
                v.put("documentNumber", "城东矫〔2025〕1号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("decisionOrganName", "城东区人民法院");
                v.put("subjectName", SUBJECT);
                v.put("gender", "男");
                v.put("birthDate", "1950-05-17");
                v.put("idNumber", ID_NUMBER);
                v.put("judgmentNumber", "（2024）城东刑初字第 124 号");
                v.put("correctionType", "缓刑");
                v.put("diedOn", "2025-03-02");
                v.put("copyTo", "城东区人民检察院、城东区公安分局");
                v.put("issueDate", "2025-03-04");
            }
            case WARNING_DECISION -> {
                v.put("documentNumber", "城东矫〔2025〕3号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "城东区和平街道幸福路 8 号");
                v.put("correctionType", "缓刑");
                v.put("facts", "2025年2月至3月间两次未按规定时间报告，经训诫仍不改正。");
                v.put("reasons", "受到训诫后仍不改正");
                v.put("evidence", "谈话记录\n训诫决定书");
                v.put("procuratorateName", "城东区人民检察院");
            }
            case REVOCATION_PROPOSAL -> {
                v.put("documentNumber", "城东矫〔2025〕1号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("receiverName", "城东区人民法院");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "城东区和平街道幸福路 8 号");
                v.put("charges", "盗窃罪");
                v.put("correctionType", "缓刑");
                v.put("proposal", "撤销缓刑");
                v.put("facts", "受到两次警告后仍不改正，继续违反监督管理规定。");
                v.put("reasons", "受到警告两次仍不改正");
                v.put("evidence", "警告决定书两份\n谈话记录");
                v.put("arrestReason", "对象已变卖住房，可能逃跑。");
                v.put("copyTo", "城东区人民检察院、A市公安局城东分局");
                v.put("contact", "陈静");
                v.put("contactPhone", "0700-8100740");
            }
            case POLICE_PENALTY_PROPOSAL -> {
                v.put("documentNumber", "城东矫〔2025〕2号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("receiverName", "A市公安局城东分局");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "城东区和平街道幸福路 8 号");
                v.put("charges", "盗窃罪");
                v.put("correctionType", "缓刑");
                v.put("facts", "受到警告后仍多次进入禁止进入的娱乐场所。");
                v.put("reasons", "受到警告后仍不改正");
                v.put("evidence", "警告决定书\n现场记录");
                v.put("copyTo", "城东区人民检察院");
                v.put("contact", "陈静");
                v.put("contactPhone", "0700-8100740");
            }
            case PLACE_CHANGE_CONSULTATION -> {
                v.put("documentNumber", "城东矫〔2026〕21号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("newAgencyName", "B市江北区社区矫正管理局");
                v.put("subjectName", SUBJECT);
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("judgmentNumber", "（2025）城东刑初字第 123 号");
                v.put("correctionType", "缓刑");
                v.put("termStart", "2025-03-01");
                v.put("termEnd", "2027-02-28");
                v.put("intendedMoveOn", "2026-04-01");
                v.put("reason", "随父母迁居江北区，已在当地找到工作。");
                v.put("replyDays", "5");
                v.put("contact", "陈静");
                v.put("issueDate", "2026-03-04");
            }
            case PLACE_CHANGE_DECISION -> {
                v.put("documentNumber", "城东矫〔2026〕25号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("newAgencyName", "B市江北区社区矫正管理局");
                v.put("subjectName", SUBJECT);
                v.put("gender", "男");
                v.put("idNumber", ID_NUMBER);
                v.put("judgmentNumber", "（2025）城东刑初字第 123 号");
                v.put("correctionType", "缓刑");
                v.put("decision", "同意将你的社区矫正执行地变更为B市江北区社区矫正管理局所在地。");
                v.put("reportNotice", "你应当自收到本通知书之日起7日内到B市江北区社区矫正管理局报到。逾期不报到的，将依法依规处理。");
                v.put("copyTo", "城东区人民法院、B市江北区社区矫正管理局、城东区人民检察院、A市公安局城东区分局");
                v.put("issueDate", "2026-03-12");
            }
            case COMMUTATION_PROPOSAL -> {
                v.put("documentNumber", "城东矫〔2025〕4号");
                v.put("agencyName", "城东区社区矫正管理局");
                v.put("receiverName", "A市中级人民法院");
                v.put("caseNumber", "（2025）城东刑初字第 123 号");
                v.put("gender", "男");
                v.put("birthDate", "1988-05-12");
                v.put("idNumber", ID_NUMBER);
                v.put("address", "城东区和平街道幸福路 8 号");
                v.put("charges", "交通肇事罪");
                v.put("correctionType", "缓刑");
                v.put("termStart", "2025-03-01");
                v.put("termEnd", "2027-02-28");
                v.put("facts", "检举重大犯罪活动，经查证属实。");
                v.put("reasons", "有重大立功表现");
                v.put("evidence", "公安机关出具的立功证明\n考核记录");
                v.put("copyTo", "A市人民检察院");
                v.put("contact", "陈静");
                v.put("contactPhone", "0700-8100740");
            }
        }
        return v;
    }

    /** Keeps a PDF under {@code target/documents} and returns its path. */
    public static Path keep(String name, byte[] pdf) {
        try {
            Files.createDirectories(OUTPUT);
            Path file = OUTPUT.resolve(name);
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
