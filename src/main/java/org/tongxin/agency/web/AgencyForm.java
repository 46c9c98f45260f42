package org.tongxin.agency.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tongxin.agency.AgencyDraft;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;

/** The agency form as the page posts it (jurisdictions as a comma- or space-separated list of codes). */
public class AgencyForm {

    private String code;
    private String nameZh;
    private String nameEn;
    private AgencyType type;
    private AgencyLevel level;
    private UUID parentId;
    private String divisionCode;
    private String creditCode;
    private String address;
    private String phone;
    private String jurisdictions;
    private Integer version;

    static AgencyForm of(AgencyView a) {
        AgencyForm f = new AgencyForm();
        f.code = a.code();
        f.nameZh = a.nameZh();
        f.nameEn = a.nameEn();
        f.type = a.type();
        f.level = a.level();
        f.parentId = a.parentId() == null ? null : a.parentId().value();
        f.divisionCode = a.divisionCode();
        f.creditCode = a.creditCode();
        f.address = a.address();
        f.phone = a.phone();
        f.jurisdictions = String.join(" ", a.jurisdictions());
        f.version = a.version();
        return f;
    }

    AgencyDraft draft() {
        List<String> codes = jurisdictions == null
                ? List.of()
                : new ArrayList<>(Arrays.stream(jurisdictions.split("[,，\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList());
        return new AgencyDraft(
                code,
                nameZh,
                nameEn,
                type,
                level,
                parentId == null ? null : AgencyId.of(parentId),
                divisionCode,
                creditCode,
                address,
                phone,
                codes);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public AgencyType getType() {
        return type;
    }

    public void setType(AgencyType type) {
        this.type = type;
    }

    public AgencyLevel getLevel() {
        return level;
    }

    public void setLevel(AgencyLevel level) {
        this.level = level;
    }

    public UUID getParentId() {
        return parentId;
    }

    public void setParentId(UUID parentId) {
        this.parentId = parentId;
    }

    public String getDivisionCode() {
        return divisionCode;
    }

    public void setDivisionCode(String divisionCode) {
        this.divisionCode = divisionCode;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getJurisdictions() {
        return jurisdictions;
    }

    public void setJurisdictions(String jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
