package org.headwater.pipeline.combine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.recipe.DimensionSpec;
import org.headwater.pipeline.recipe.SourceSpec;

/**
 * Checks that a source's files fit together and combines their schemas.
 *
 * <p>Files must agree on every dimension but the concat dimension, on each shared variable's type
 * and dimensions, and on the values of every variable that is not concatenated (coordinates,
 * grid mappings, 2-D lat/lon); a difference fails naming both files and what differs. Global
 * attributes follow this policy: an attribute with the same value in every file is kept; one whose
 * values differ is left out of the outputs and listed under {@code attributeConflicts} in the run
 * manifest. Variable attributes come from the first file that has the variable.
 */
public final class Combiner {
  private Combiner() {}

  public static Combined combine(SourceSpec source, List<FileHeader> headers) {
    if (headers.isEmpty()) {
      throw new SourceException(
          "source '" + source.name() + "' has no files to read (all were missing and skipped)");
    }
    List<FileHeader> files = new ArrayList<>(headers);
    files.sort(
        Comparator.comparingInt((FileHeader h) -> h.item().concatPosition())
            .thenComparing(h -> h.item().mergeKey()));
    DimensionSpec concat = source.concatDimension().orElse(null);
    String concatDim = concat == null ? null : concat.name();
    boolean isNew = concat != null && concat.newDimension();
    checkMergeGroups(files);
    FileHeader first = files.get(0);
    if (concatDim != null && !isNew && first.schema().findDimension(concatDim).isEmpty()) {
      throw new SourceException(
          first.item().url() + " has no dimension '" + concatDim + "' to concatenate along; its"
              + " dimensions are " + dimNames(first.schema())
              + "; set 'new: true' on the dimension to add it");
    }
    if (concatDim != null && isNew && first.schema().findDimension(concatDim).isPresent()) {
      throw new SourceException(
          first.item().url() + " already has a dimension '" + concatDim
              + "'; drop 'new: true' to concatenate along it");
    }
    Map<String, FileHeader> firstWith = new LinkedHashMap<>();
    for (FileHeader f : files) {
      for (Variable v : f.schema().variables()) {
        FileHeader ref = firstWith.putIfAbsent(v.name(), f);
        if (ref != null) {
          Consistency.checkVariable(ref, f, v.name(), concatDim, isNew);
        }
      }
      Consistency.checkDimensions(first, f, concatDim, isNew);
    }
    Set<String> concatenated = Roles.concatenated(first.schema(), concatDim, isNew);
    for (FileHeader f : files) {
      concatenated.addAll(Roles.concatenated(f.schema(), concatDim, isNew));
    }
    List<Part> parts = new ArrayList<>();
    Map<Integer, Integer> offsets = new TreeMap<>();
    List<CoordinateValues> concatValues = new ArrayList<>();
    int total = 0;
    for (FileHeader f : files) {
      int pos = f.item().concatPosition();
      int length = concatDim == null || isNew ? 1 : f.schema().dimensionLength(concatDim);
      Integer offset = offsets.get(pos);
      if (offset == null) {
        offset = total;
        offsets.put(pos, offset);
        total += length;
        CoordinateValues values = f.concatValues();
        concatValues.add(values != null && values.length() == length ? values : null);
      }
      parts.add(
          new Part(
              f.item().url(), f.fetched().local(), source.fileType(), offset, length,
              f.schema().variableNames()));
    }
    List<Number> newValues = new ArrayList<>();
    if (isNew) {
      for (int pos : offsets.keySet()) {
        newValues.add(keyValue(concat, concat.keys().get(pos)));
      }
    }
    Map<String, Object> notes = new LinkedHashMap<>();
    DatasetSchema schema =
        schema(files, firstWith, concatDim, isNew, total, concatenated, newValues, notes);
    return new Combined(
        new Layout(
            concatDim, isNew, concatenated, newValues, parts,
            concatDim == null || isNew ? null : CoordinateValues.concat(concatValues)),
        schema,
        notes);
  }

  private static DatasetSchema schema(
      List<FileHeader> files,
      Map<String, FileHeader> firstWith,
      String concatDim,
      boolean isNew,
      int total,
      Set<String> concatenated,
      List<Number> newValues,
      Map<String, Object> notes) {
    FileHeader first = files.get(0);
    List<Dimension> dims = new ArrayList<>();
    if (isNew) {
      dims.add(new Dimension(concatDim, total));
    }
    Set<String> seenDims = new LinkedHashSet<>();
    for (FileHeader f : files) {
      for (Dimension d : f.schema().dimensions()) {
        if (seenDims.add(d.name())) {
          dims.add(d.name().equals(concatDim) ? new Dimension(d.name(), total) : d);
        }
      }
    }
    List<Variable> vars = new ArrayList<>();
    if (isNew) {
      boolean integral = newValues.stream().allMatch(n -> n instanceof Long);
      vars.add(
          new Variable(
              concatDim,
              integral ? DType.INT64 : DType.FLOAT64,
              List.of(concatDim),
              List.of(),
              null,
              List.of(),
              List.of()));
    }
    for (Map.Entry<String, FileHeader> e : firstWith.entrySet()) {
      Variable v = e.getValue().schema().variable(e.getKey());
      if (isNew && concatenated.contains(v.name())) {
        List<String> d = new ArrayList<>();
        d.add(concatDim);
        d.addAll(v.dims());
        v = v.withDims(d);
      }
      vars.add(v);
    }
    Map<String, Set<String>> conflicts = new TreeMap<>();
    List<Attribute> globals = new ArrayList<>();
    for (Attribute a : first.schema().attributes()) {
      boolean same = true;
      for (FileHeader f : files) {
        Attribute other =
            f.schema().attributes().stream().filter(x -> x.name().equals(a.name())).findFirst()
                .orElse(null);
        if (!Objects.equals(a, other)) {
          same = false;
          conflicts
              .computeIfAbsent(a.name(), k -> new TreeSet<>())
              .add(other == null ? "(absent)" : String.valueOf(other.jsonValue()));
        }
      }
      if (same) {
        globals.add(a);
      } else {
        conflicts.get(a.name()).add(String.valueOf(a.jsonValue()));
      }
    }
    if (!conflicts.isEmpty()) {
      Map<String, Object> c = new LinkedHashMap<>();
      conflicts.forEach((k, v) -> c.put(k, List.copyOf(v)));
      notes.put("attributeConflicts", c);
    }
    return new DatasetSchema(dims, vars, globals);
  }

  private static void checkMergeGroups(List<FileHeader> files) {
    Map<String, Set<Integer>> positions = new TreeMap<>();
    for (FileHeader f : files) {
      positions.computeIfAbsent(f.item().mergeKey(), k -> new TreeSet<>()).add(f.item().concatPosition());
    }
    Set<Integer> reference = positions.values().iterator().next();
    for (Map.Entry<String, Set<Integer>> e : positions.entrySet()) {
      if (!e.getValue().equals(reference)) {
        throw new SourceException(
            "merge group '" + e.getKey() + "' has files at concat positions " + e.getValue()
                + " but another group has " + reference
                + "; every merged variable needs a file for each concat key");
      }
    }
  }

  private static Number keyValue(DimensionSpec dim, String key) {
    try {
      return Long.parseLong(key.trim());
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(key.trim());
      } catch (NumberFormatException e2) {
        throw new SourceException(
            "new dimension '" + dim.name() + "': key '" + key + "' is not a number; the keys of a"
                + " new dimension become its coordinate values, which must be numbers");
      }
    }
  }

  static List<String> dimNames(DatasetSchema s) {
    return s.dimensions().stream().map(Dimension::name).toList();
  }
}
