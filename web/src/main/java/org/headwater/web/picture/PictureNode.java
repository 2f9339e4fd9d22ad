package org.headwater.web.picture;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * One box of a lineage picture: a file, a source of truth, a published DOI, or a group of
 * source files of one source of truth that went into the same places.
 *
 * @param id the DOT id
 * @param label what the box says
 * @param kind {@code output}, {@code source}, {@code group}, {@code dataset}, {@code published} or
 *     {@code entity}
 * @param href its page, or null
 * @param members the store nodes it stands for (more than one for a group)
 * @param target whether it is what the picture is about (drawn bold)
 */
public record PictureNode(String id, String label, String kind, String href, List<Node> members, boolean target) {
  public PictureNode {
    members = List.copyOf(members);
  }
}
