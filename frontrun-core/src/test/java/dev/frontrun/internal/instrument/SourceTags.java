package dev.frontrun.internal.instrument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a test source file tagged with a {@code // @name} comment, so that expected hook events name
 * lines by tag: {@code "FIELD_READ Fields.plainInt @plain-int-read"} becomes {@code "... @26"}.
 */
final class SourceTags {

	private static final Pattern TAG = Pattern.compile("// @([a-z0-9-]+)\\s*$");
	private static final Pattern REFERENCE = Pattern.compile("@([a-z][a-z0-9-]*)");

	private final String file;
	private final Map<String, Integer> lines;

	private SourceTags(String file, Map<String, Integer> lines) {
		this.file = file;
		this.lines = lines;
	}

	/**
	 * Reads the tags of a test source file.
	 *
	 * @param path the file's path under {@code src/test/java}, such as {@code example/instrument/Fields.java}
	 * @return its tags
	 * @throws IOException if the file cannot be read
	 */
	static SourceTags of(String path) throws IOException {
		List<String> source = Files.readAllLines(Path.of("src/test/java", path));
		Map<String, Integer> lines = new HashMap<>();
		for (int i = 0; i < source.size(); i++) {
			Matcher tag = TAG.matcher(source.get(i));
			if (tag.find() && lines.put(tag.group(1), i + 1) != null) {
				throw new IllegalStateException("Tag @" + tag.group(1) + " appears twice in " + path);
			}
		}
		return new SourceTags(path, lines);
	}

	/**
	 * Returns a tagged line's number.
	 *
	 * @param tag the tag, without its {@code @}
	 * @return the 1-based line number
	 */
	int line(String tag) {
		Integer line = lines.get(tag);
		if (line == null) {
			throw new IllegalArgumentException("No line tagged @" + tag + " in " + file);
		}
		return line;
	}

	/**
	 * Replaces each {@code @tag} in expected events with the tagged line's number.
	 *
	 * @param events the expected events
	 * @return the events with line numbers
	 */
	List<String> resolve(String... events) {
		return Arrays.stream(events)
				.map(event -> REFERENCE.matcher(event).replaceAll(tag -> "@" + line(tag.group(1))))
				.toList();
	}
}
