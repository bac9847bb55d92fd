package dev.frontrun.internal.explain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of source lines, read from the source roots, for explanations.
 */
public final class SourceLines {

	private final List<Path> roots;
	private final Map<String, List<String>> files = new ConcurrentHashMap<>();

	/**
	 * Creates a reader over source roots.
	 *
	 * @param roots the directories holding sources in package directories
	 */
	public SourceLines(List<Path> roots) {
		this.roots = List.copyOf(roots);
	}

	/**
	 * Returns one line of a class's source file, trimmed.
	 *
	 * @param declaringClass the class's internal name, such as {@code com/acme/Counter}
	 * @param sourceFile its source file attribute, such as {@code Counter.java}; may be {@code null}
	 * @param line the 1-based line number
	 * @return the line's text, or the empty string where the source cannot be found
	 */
	public String line(String declaringClass, String sourceFile, int line) {
		if (sourceFile == null || line < 1) {
			return "";
		}
		int slash = declaringClass.lastIndexOf('/');
		String relative = slash < 0 ? sourceFile : declaringClass.substring(0, slash + 1) + sourceFile;
		List<String> lines = files.computeIfAbsent(relative, this::read);
		return line <= lines.size() ? lines.get(line - 1).trim() : "";
	}

	private List<String> read(String relative) {
		for (Path root : roots) {
			Path file = root.resolve(relative);
			if (Files.isRegularFile(file)) {
				try {
					return Files.readAllLines(file, StandardCharsets.UTF_8);
				} catch (IOException e) {
					return List.of();
				}
			}
		}
		return List.of();
	}
}
