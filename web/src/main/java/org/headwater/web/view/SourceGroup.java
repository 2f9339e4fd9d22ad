package org.headwater.web.view;

import java.util.List;

/** The source files of one source of truth a dataset used (a grouped node of its picture). */
public record SourceGroup(String truth, List<SourceFile> files) {
  public SourceGroup {
    files = List.copyOf(files);
  }
}
