package org.tongxin.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.agency.AgencyType;

/**
 * Builds a {@link World}: districts with their court, county agency, procuratorate, police and judicial offices, each
 * agency with the typical behaviour of its kind ({@link World#typical}) sized to the cases it serves. The service builds
 * City A from the agency directory; the benchmark builds a synthetic country with {@link #synthetic}.
 */
public final class WorldBuilder {

    /** An agency of a district as the directory knows it: key (id), names. */
    public record Named(String key, String nameZh, String nameEn) {}

    /** A district: code, names, share of the cases (percent), and its agencies. */
    public record DistrictSpec(
            String code,
            String nameZh,
            String nameEn,
            double sharePercent,
            Named court,
            Named countyAgency,
            Named procuratorate,
            Named police,
            List<Named> offices) {}

    private final List<World.Agency> agencies = new ArrayList<>();
    private final List<World.District> districts = new ArrayList<>();
    private final int activeCases;

    public WorldBuilder(int activeCases) {
        this.activeCases = activeCases;
    }

    public WorldBuilder district(DistrictSpec d, double totalShare) {
        int served = (int) Math.round(activeCases * d.sharePercent() / Math.max(1e-9, totalShare));
        int index = districts.size();
        int court = add(d.court(), AgencyType.BASIC_COURT, index, served);
        int county = add(d.countyAgency(), AgencyType.CORRECTION_AGENCY, index, served);
        int procuratorate = add(d.procuratorate(), AgencyType.PROCURATORATE, index, served);
        int police = add(d.police(), AgencyType.PUBLIC_SECURITY, index, served);
        int[] offices = new int[d.offices().size()];
        for (int i = 0; i < offices.length; i++) {
            offices[i] =
                    add(d.offices().get(i), AgencyType.JUDICIAL_OFFICE, index, served / Math.max(1, offices.length));
        }
        districts.add(new World.District(
                d.code(), d.nameZh(), d.nameEn(), d.sharePercent(), court, county, procuratorate, police, offices));
        return this;
    }

    public World build(Named prison, Named detentionCentre, String calendarRegion) {
        int p = add(prison, AgencyType.PRISON, -1, activeCases / 10);
        int dc = add(detentionCentre, AgencyType.DETENTION_CENTRE, -1, activeCases / 10);
        return new World(agencies, districts, p, dc, calendarRegion);
    }

    private int add(Named named, AgencyType type, int district, int served) {
        int index = agencies.size();
        agencies.add(World.typical(index, named.key(), named.nameZh(), named.nameEn(), type, district, served));
        return index;
    }

    /** A synthetic country for the benchmark: {@code districts} counties of equal share with {@code offices} judicial offices each. */
    public static World synthetic(int districts, int offices, int activeCases) {
        WorldBuilder builder = new WorldBuilder(activeCases);
        for (int d = 0; d < districts; d++) {
            String code = "D" + d;
            List<Named> o = new ArrayList<>();
            for (int i = 0; i < offices; i++) {
                o.add(new Named(code + "-SO" + i, code + "司法所" + i, code + " judicial office " + i));
            }
            builder.district(
                    new DistrictSpec(
                            code,
                            "县" + d,
                            "County " + d,
                            1.0,
                            new Named(code + "-COURT", "法院", "Court"),
                            new Named(code + "-CCA", "社区矫正机构", "Correction agency"),
                            new Named(code + "-PROC", "检察院", "Procuratorate"),
                            new Named(code + "-PSB", "公安局", "Police"),
                            o),
                    districts);
        }
        return builder.build(new Named("PRISON", "监狱", "Prison"), new Named("DC", "看守所", "Detention centre"), "CN");
    }
}
