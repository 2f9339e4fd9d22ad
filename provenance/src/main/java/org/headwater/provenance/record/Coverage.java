package org.headwater.provenance.record;

import java.io.Serializable;

/**
 * The spatial (WGS84 degrees) and temporal extent of an output; any part may be null.
 *
 * @param west westernmost longitude
 * @param east easternmost longitude
 * @param south southernmost latitude
 * @param north northernmost latitude
 * @param timeStart first time as an ISO-8601 date or date-time in the data's calendar
 * @param timeEnd last time, likewise
 * @param calendar the CF calendar of the time coordinate, e.g. {@code 365_day}
 */
public record Coverage(
    Double west,
    Double east,
    Double south,
    Double north,
    String timeStart,
    String timeEnd,
    String calendar)
    implements Serializable {}
