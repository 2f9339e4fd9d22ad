package org.headwater.pipeline.format.geotiff;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The GDAL_METADATA TIFF tag (42112): the XML GDAL's GTiff driver reads into dataset and band
 * metadata ({@code <GDALMetadata><Item name=".." [sample="n" role=".."]>value</Item>}, GDAL
 * "GTiff" driver documentation, "Metadata"). Band roles {@code scale}, {@code offset} and {@code
 * description} become GDAL's band scale, offset and description.
 */
final class GdalMetadata {
  private GdalMetadata() {}

  /**
   * The XML.
   *
   * @param dataset dataset items (the CF attributes and the slice's coordinates)
   * @param bands per band: its description, scale and offset (scale and offset may be null)
   */
  static String xml(Map<String, String> dataset, List<Band> bands) {
    StringWriter s = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(s);
      w.writeStartElement("GDALMetadata");
      for (Map.Entry<String, String> e : dataset.entrySet()) {
        item(w, e.getKey(), null, null, e.getValue());
      }
      for (int i = 0; i < bands.size(); i++) {
        Band b = bands.get(i);
        item(w, "DESCRIPTION", i, "description", b.description());
        if (b.scale() != null) {
          item(w, "SCALE", i, "scale", b.scale().toString());
        }
        if (b.offset() != null) {
          item(w, "OFFSET", i, "offset", b.offset().toString());
        }
      }
      w.writeEndElement();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GDAL metadata: " + e.getMessage(), e);
    }
    return s.toString();
  }

  /** One band's description, scale and offset. */
  record Band(String description, Double scale, Double offset) {}

  private static void item(XMLStreamWriter w, String name, Integer sample, String role,
      String value) throws XMLStreamException {
    w.writeStartElement("Item");
    w.writeAttribute("name", name);
    if (sample != null) {
      w.writeAttribute("sample", sample.toString());
      w.writeAttribute("role", role);
    }
    w.writeCharacters(value);
    w.writeEndElement();
  }
}
