package org.tongxin.calendar;

/**
 * Event published when an official year is entered (or replaced) for a region: consumers recompute provisional
 * deadlines. {@code region} is "CN" for the national calendar or the GB/T 2260 code of a region's extras.
 */
public record CalendarYearPublished(String region, int year) {}
