package org.headwater.pipeline.internal;

import ucar.nc2.time.Calendar;
import ucar.nc2.time.CalendarDateUnit;

/** CF time values ("seconds since 1-1-1" in a CF calendar) as ISO-8601 text. */
public final class Calendars {
  private Calendars() {}

  /**
   * Formats a time value.
   *
   * @param value the stored value
   * @param units CF units such as {@code days since 2000-01-01}
   * @param calendar a CF calendar name ({@code standard}, {@code noleap}, {@code 365_day}, {@code
   *     360_day}, ...), or null for standard
   * @return the ISO-8601 date-time, or null when the units are not CF time units
   */
  public static String format(double value, String units, String calendar) {
    if (units == null) {
      return null;
    }
    Calendar cal = calendar == null ? Calendar.getDefault() : Calendar.get(calendar);
    if (cal == null) {
      cal = Calendar.getDefault();
    }
    try {
      return CalendarDateUnit.withCalendar(cal, units).makeCalendarDate(value).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
