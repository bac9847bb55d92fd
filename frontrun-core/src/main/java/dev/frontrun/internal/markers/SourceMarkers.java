package dev.frontrun.internal.markers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The markers of one source file, by the line they gate.
 */
public final class SourceMarkers {

	/** A file with no markers. */
	public static final SourceMarkers NONE = new SourceMarkers(Map.of());

	private final Map<Integer, List<String>> byLine;

	SourceMarkers(Map<Integer, List<String>> byLine) {
		this.byLine = Map.copyOf(byLine);
	}

	/**
	 * Returns the markers that gate a line, in source order.
	 *
	 * @param line a 1-based line number
	 * @return the marker names, empty when the line is not gated
	 */
	public List<String> at(int line) {
		return byLine.getOrDefault(line, List.of());
	}

	/**
	 * Tells whether the file has no markers.
	 *
	 * @return {@code true} when no line is gated
	 */
	public boolean isEmpty() {
		return byLine.isEmpty();
	}

	/**
	 * Returns every marker name in the file.
	 *
	 * @return the names, each once
	 */
	public Set<String> names() {
		return byLine.values().stream().flatMap(List::stream).collect(Collectors.toSet());
	}
}
