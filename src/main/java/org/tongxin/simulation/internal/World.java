package org.tongxin.simulation.internal;

import java.util.List;
import org.tongxin.agency.AgencyType;

/**
 * The agencies a run simulates and how they behave: per agency its officers, how many obligations an officer
 * completes per working day, and the shortest and longest time (in days) it takes to handle one after it arrives
 * (a court delivering documents, a county agency receipting them); per district the agencies that serve it and its
 * share of the new cases. The city's prison and detention centre serve every district.
 */
public record World(
        List<Agency> agencies, List<District> districts, int prison, int detentionCentre, String calendarRegion) {

    public World {
        agencies = List.copyOf(agencies);
        districts = List.copyOf(districts);
    }

    /** One simulated agency: its place in {@link #agencies()}, a key (its id or code) and behaviour. */
    public record Agency(
            int index,
            String key,
            String nameZh,
            String nameEn,
            AgencyType type,
            int district,
            int officers,
            double perOfficerPerDay,
            int minDelayDays,
            int maxDelayDays) {

        /** The same agency with another number of officers (a staffing plan). */
        public Agency withOfficers(int value) {
            return new Agency(
                    index, key, nameZh, nameEn, type, district, value, perOfficerPerDay, minDelayDays, maxDelayDays);
        }
    }

    /** A district (county) and the agencies that serve it, by their index in {@link #agencies()}. */
    public record District(
            String code,
            String nameZh,
            String nameEn,
            double sharePercent,
            int court,
            int countyAgency,
            int procuratorate,
            int police,
            int[] offices) {}

    /** The same world with other numbers of officers where the plan says so (agency key → officers). */
    public World staffed(java.util.Map<String, Integer> officers) {
        return new World(
                agencies.stream()
                        .map(a -> officers.containsKey(a.key()) ? a.withOfficers(officers.get(a.key())) : a)
                        .toList(),
                districts,
                prison,
                detentionCentre,
                calendarRegion);
    }

    /** The same world with agencies of one kind working at another rate and with other delays (null: unchanged). */
    public World behaving(AgencyType type, Double perOfficerPerDay, Integer minDelayDays, Integer maxDelayDays) {
        return new World(
                agencies.stream()
                        .map(a -> a.type() != type
                                ? a
                                : new Agency(
                                        a.index(),
                                        a.key(),
                                        a.nameZh(),
                                        a.nameEn(),
                                        a.type(),
                                        a.district(),
                                        a.officers(),
                                        perOfficerPerDay != null ? perOfficerPerDay : a.perOfficerPerDay(),
                                        minDelayDays != null ? minDelayDays : a.minDelayDays(),
                                        maxDelayDays != null ? maxDelayDays : a.maxDelayDays()))
                        .toList(),
                districts,
                prison,
                detentionCentre,
                calendarRegion);
    }

    /** How agencies of each kind behave unless a plan says otherwise: officers, per-officer rate, delay range. */
    public static Agency typical(
            int index, String key, String nameZh, String nameEn, AgencyType type, int district, int activeCasesServed) {
        return switch (type) {
            case CORRECTION_AGENCY ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(2, activeCasesServed / 150), 3.0, 1, 6);
            case JUDICIAL_OFFICE ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(1, activeCasesServed / 150), 4.0, 0, 1);
            case BASIC_COURT, INTERMEDIATE_COURT ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(1, activeCasesServed / 400), 6.0, 1, 9);
            case PROCURATORATE ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(1, activeCasesServed / 600), 6.0, 1, 4);
            case PUBLIC_SECURITY, POLICE_STATION ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(1, activeCasesServed / 500), 6.0, 0, 2);
            default ->
                new Agency(index, key, nameZh, nameEn, type, district, Math.max(1, activeCasesServed / 500), 6.0, 1, 5);
        };
    }
}
