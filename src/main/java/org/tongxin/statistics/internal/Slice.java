package org.tongxin.statistics.internal;

/** One bar or slice of a chart: its key (a district code, an agency id, a case type), its label and its value. */
public record Slice(String key, String label, long value) {}
