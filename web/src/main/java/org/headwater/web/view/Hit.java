package org.headwater.web.view;

/**
 * One search result.
 *
 * @param kind {@code run}, {@code failed run} (it made no dataset; its href is its run page),
 *     {@code output}, {@code source} or {@code published}
 * @param label what to show
 * @param href its page
 * @param match the value that matched
 */
public record Hit(String kind, String label, String href, String match) {}
