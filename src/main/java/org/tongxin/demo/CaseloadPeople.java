package org.tongxin.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;

/**
 * Fictitious people for the City A caseload, all from one seeded random source so that every load makes the same
 * people: common Chinese names (never a demo staff member's), valid resident ID numbers of the county they live in,
 * mobile numbers, addresses in the demo's streets and villages, and for minors a guardian.
 */
final class CaseloadPeople {

    private static final String SURNAMES =
            "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁" + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final List<String> MEN = List.of(
            "建国", "志强", "海涛", "永明", "晓峰", "俊杰", "德明", "文斌", "国华", "振宇", "浩然", "子豪", "明辉", "立军", "长青", "红兵", "宏伟", "家乐",
            "鹏飞", "伟东", "天佑", "春生", "金龙", "小兵", "学文", "远航", "庆丰", "有才", "守仁", "卫东", "博文", "一鸣", "嘉诚", "泽宇", "锦程", "宇航",
            "成龙", "树林", "大勇", "福生");
    private static final List<String> WOMEN = List.of(
            "秀兰", "桂芳", "丽娟", "美玲", "晓燕", "海霞", "春梅", "玉珍", "淑华", "雅琴", "欣怡", "梦琪", "思雨", "佳慧", "婷婷", "晓丽", "红霞", "翠萍",
            "金凤", "彩云", "素芬", "月娥", "小娟", "雪莲", "芳芳", "慧敏", "静怡", "若溪", "紫涵", "冬梅");
    private static final String[] MOBILE_PREFIXES = {
        "138", "139", "136", "150", "151", "157", "158", "159", "182", "186", "187", "188", "135", "177"
    };
    /** Ethnic groups of City A's population (GB/T 3304 codes): mostly Han, some Miao, Tujia and Hui. */
    private static final String[] ETHNICITIES = {"01", "01", "01", "01", "01", "01", "01", "01", "06", "15", "03"};

    private final Random random;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();

    CaseloadPeople(long seed, Set<String> staffNames) {
        this.random = new Random(seed);
        this.taken.addAll(staffNames);
    }

    /** A person not yet used in the caseload, nor a demo staff member. */
    String name(Gender gender) {
        while (true) {
            String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            List<String> given = gender == Gender.FEMALE ? WOMEN : MEN;
            String candidate = surname + given.get(random.nextInt(given.size()));
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    /** A subject living at {@code place} in {@code township}, born on {@code birth}; minors get a guardian. */
    SubjectData subject(
            Gender gender, LocalDate birth, CaseloadScript.Township township, boolean minor, String health) {
        String name = name(gender);
        String id = idNumber(township.county().division(), birth, gender);
        String guardian = null;
        String relation = null;
        String guardianPhone = null;
        if (minor) {
            Gender parent = random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
            String parentName = name(parent);
            // A father shares the child's surname; a mother keeps her own.
            guardian = parent == Gender.MALE ? name.charAt(0) + parentName.substring(1) : parentName;
            relation = parent == Gender.FEMALE ? "母亲" : "父亲";
            guardianPhone = mobile();
        }
        return new SubjectData(
                name,
                gender,
                pick(ETHNICITIES),
                IdentityDocumentType.RESIDENT_ID,
                id,
                birth,
                minor && random.nextBoolean() ? null : mobile(),
                township.division(),
                address(township),
                guardian,
                relation,
                guardianPhone,
                health);
    }

    /** A valid resident ID number (GB 11643) of the county, unique in the caseload. */
    String idNumber(String countyDivision, LocalDate birth, Gender gender) {
        while (true) {
            String number = IdentityNumbers.compose(countyDivision, birth, 1 + random.nextInt(499), gender);
            if (numbers.add(number)) {
                return number;
            }
        }
    }

    String mobile() {
        return pick(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
    }

    /** A street address in a town's streets, or a village group and house number in the countryside. */
    String address(CaseloadScript.Township township) {
        String place = township.places().get(random.nextInt(township.places().size()));
        String prefix = township.county().nameZh() + township.nameZh();
        if (township.urban()) {
            return prefix + place + (1 + random.nextInt(180)) + "号" + (1 + random.nextInt(12)) + "栋"
                    + (1 + random.nextInt(3)) + "单元" + (1 + random.nextInt(6)) + "0" + (1 + random.nextInt(4)) + "室";
        }
        return prefix + place + "村" + "一二三四五六七八".charAt(random.nextInt(8)) + "组" + (1 + random.nextInt(60)) + "号";
    }

    /** A birth date for an adult of {@code minAge}–{@code maxAge} years on {@code day}. */
    LocalDate adultBirth(LocalDate day, int minAge, int maxAge) {
        return day.minusYears(minAge + random.nextInt(maxAge - minAge + 1)).minusDays(random.nextInt(365));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
