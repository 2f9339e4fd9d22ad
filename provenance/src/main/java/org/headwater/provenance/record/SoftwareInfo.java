package org.headwater.provenance.record;

import java.io.Serializable;

/**
 * The software agent of a run.
 *
 * @param headwater Headwater's version
 * @param java the Java runtime version
 * @param beam the Apache Beam SDK version
 * @param netcdfJava the NetCDF-Java version
 * @param runner the Beam runner, e.g. {@code DirectRunner} or {@code FlinkRunner}
 */
public record SoftwareInfo(
    String headwater, String java, String beam, String netcdfJava, String runner)
    implements Serializable {}
