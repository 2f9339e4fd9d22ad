package org.headwater.publish.eml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.publish.internal.XmlOut;

/** Writes EML {@code coverage} from the union of the outputs' extents. */
final class EmlCoverage {
  private EmlCoverage() {}

  static void write(XmlOut x, List<OutputRecord> outputs) {
    List<Coverage> cs = outputs.stream().map(OutputRecord::coverage).filter(Objects::nonNull).toList();
    Double w = min(cs.stream().map(Coverage::west).toList());
    Double e = max(cs.stream().map(Coverage::east).toList());
    Double s = min(cs.stream().map(Coverage::south).toList());
    Double n = max(cs.stream().map(Coverage::north).toList());
    String start = cs.stream().map(Coverage::timeStart).filter(Objects::nonNull).min(String::compareTo).orElse(null);
    String end = cs.stream().map(Coverage::timeEnd).filter(Objects::nonNull).max(String::compareTo).orElse(null);
    boolean geo = w != null && e != null && s != null && n != null;
    String from = date(start);
    String to = date(end);
    boolean time = from != null && to != null;
    if (!geo && !time) {
      return;
    }
    x.start("coverage");
    if (geo) {
      String calendar = cs.stream().map(Coverage::calendar).filter(Objects::nonNull).findFirst().orElse(null);
      x.start("geographicCoverage")
          .leaf("geographicDescription", "Bounding box of the data's latitude and longitude"
              + (calendar == null ? "" : "; time in the " + calendar + " calendar"))
          .start("boundingCoordinates")
          .leaf("westBoundingCoordinate", w)
          .leaf("eastBoundingCoordinate", e)
          .leaf("northBoundingCoordinate", n)
          .leaf("southBoundingCoordinate", s)
          .end()
          .end();
    }
    if (time) {
      x.start("temporalCoverage").start("rangeOfDates")
          .start("beginDate").leaf("calendarDate", from).end()
          .start("endDate").leaf("calendarDate", to).end()
          .end().end();
    }
    x.end();
  }

  /**
   * An EML calendarDate (xs:date or xs:gYear) from an ISO time in the data's calendar: a date such
   * as {@code 2100-02-30} (360_day) that is no Gregorian date falls back to its year.
   */
  static String date(String iso) {
    if (iso == null || iso.length() < 4) {
      return null;
    }
    String day = iso.contains("T") ? iso.substring(0, iso.indexOf('T')) : iso.split(" ")[0];
    try {
      return LocalDate.parse(day).toString();
    } catch (DateTimeParseException e) {
      String year = day.split("-")[0];
      if (!year.matches("\\d{1,4}")) {
        return null;
      }
      return String.format("%04d", Integer.parseInt(year));
    }
  }

  private static Double min(List<Double> vs) {
    return vs.stream().filter(Objects::nonNull).min(Double::compare).orElse(null);
  }

  private static Double max(List<Double> vs) {
    return vs.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
  }
}
