package org.tongxin.identity;

import org.tongxin.agency.AgencyId;

/** One agency's lawful role in a case: the facts the case's owner module supplies to {@link CaseAccess}. */
public record LawfulRole(AgencyId agency, Participation participation) {}
