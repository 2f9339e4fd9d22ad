package org.headwater.web.view;

/** A variable of an output: where it is, its name, units and shape. */
public record VariableRow(String path, String name, String units, String dimensions, String dataType, String description) {}
