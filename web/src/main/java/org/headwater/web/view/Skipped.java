package org.headwater.web.view;

/** A source file a run skipped: its URL, key ({@code member=4}) and the reason. */
public record Skipped(String url, String key, String reason) {}
