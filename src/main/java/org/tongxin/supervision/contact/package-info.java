/**
 * Reporting, contacts, visits and the medical re-examination: the schedule by supervision level and each due
 * contact on the ledger (doc/adr/0033).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.supervision.contact;
