package org.headwater.pipeline.units;

import java.util.function.DoubleUnaryOperator;
import ucar.units.ConversionException;
import ucar.units.Converter;
import ucar.units.DerivedUnit;
import ucar.units.Factor;
import ucar.units.UnknownUnit;
import ucar.units.Unit;
import ucar.units.UnitException;
import ucar.units.UnitFormat;
import ucar.units.UnitFormatManager;

/**
 * UDUNITS unit strings, parsed and converted with the UDUNITS implementation that ships with
 * NetCDF-Java ({@code ucar.units}). A {@code year} is UDUNITS' year, 365.242198781 days.
 */
public final class Units {
  private Units() {}

  /** Whether {@code spec} is a unit UDUNITS understands. */
  public static boolean isValid(String spec) {
    try {
      parse(spec);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the units are a time reference such as {@code days since 2000-01-01}. */
  public static boolean isTimeReference(String spec) {
    return spec != null && spec.contains(" since ");
  }

  /**
   * A function converting values in {@code from} to {@code to}.
   *
   * @throws IllegalArgumentException naming both units when either is unknown or they are not
   *     compatible
   */
  public static DoubleUnaryOperator converter(String from, String to) {
    if (isTimeReference(from) || isTimeReference(to)) {
      throw new IllegalArgumentException(
          "units '" + from + "' -> '" + to + "': time references ('... since ...') depend on the"
              + " calendar; convert them with run_command or leave them as they are");
    }
    Unit a = parse(from);
    Unit b = parse(to);
    if (!a.isCompatible(b)) {
      throw new IllegalArgumentException(
          "units '" + from + "' cannot be converted to '" + to + "': they measure different"
              + " quantities; check the 'to' units or fix the variable's units with fix_units");
    }
    Converter c;
    try {
      c = a.getConverterTo(b);
    } catch (ConversionException e) {
      throw new IllegalArgumentException(
          "units '" + from + "' cannot be converted to '" + to + "': " + e.getMessage(), e);
    }
    return c::convert;
  }

  private static boolean hasUnknown(Unit u) {
    if (u instanceof UnknownUnit) {
      return true;
    }
    DerivedUnit d = u.getDerivedUnit();
    if (d == null) {
      return false;
    }
    for (Factor f : d.getDimension().getFactors()) {
      if (f.getBase() instanceof UnknownUnit) {
        return true;
      }
    }
    return false;
  }

  /** Parses a unit string. */
  public static Unit parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty units; give a UDUNITS unit such as 'm s-1'");
    }
    UnitFormat format = UnitFormatManager.instance();
    Unit u;
    try {
      synchronized (Units.class) {
        u = format.parse(spec.trim());
      }
    } catch (UnitException | RuntimeException e) {
      throw new IllegalArgumentException(
          "units '" + spec + "' are not UDUNITS units (" + e.getClass().getSimpleName()
              + "); write them as UDUNITS does, e.g. 'm year-1' or 'kg m-2 s-1'", e);
    }
    if (u == null || hasUnknown(u)) {
      throw new IllegalArgumentException(
          "units '" + spec + "' are not UDUNITS units (a name in them is unknown); write them as"
              + " UDUNITS does, e.g. 'm year-1' or 'kg m-2 s-1'");
    }
    return u;
  }
}
