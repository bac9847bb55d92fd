package dev.frontrun.internal.markers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The markers of the source files under a set of source roots, read lazily, one file at a time, when a class
 * compiled from that file is loaded.
 *
 * <p>Sources are expected in the standard layout: the file of a class in package {@code com.acme} with source
 * file attribute {@code Account.java} is {@code <root>/com/acme/Account.java}.
 */
public final class MarkerIndex {

	private final List<Path> sourceRoots;
	private final ConcurrentMap<String, SourceMarkers> byFile = new ConcurrentHashMap<>();
	private final Set<String> knownNames = ConcurrentHashMap.newKeySet();

	/**
	 * Creates an index over the given source roots.
	 *
	 * @param sourceRoots directories holding {@code .java} files in package directories
	 */
	public MarkerIndex(List<Path> sourceRoots) {
		this.sourceRoots = List.copyOf(sourceRoots);
	}

	/**
	 * Returns the markers of the source file a class was compiled from.
	 *
	 * @param internalClassName the class's internal name, such as {@code com/acme/Account$Inner}
	 * @param sourceFile the class's source file attribute, such as {@code Account.java}; may be {@code null}
	 * @return the file's markers, {@link SourceMarkers#NONE} when there is no such file under the roots
	 * @throws UncheckedIOException if the file exists but cannot be read
	 */
	public SourceMarkers forClass(String internalClassName, String sourceFile) {
		if (sourceFile == null || sourceRoots.isEmpty()) {
			return SourceMarkers.NONE;
		}
		int slash = internalClassName.lastIndexOf('/');
		String relative = slash < 0 ? sourceFile : internalClassName.substring(0, slash + 1) + sourceFile;
		return byFile.computeIfAbsent(relative, this::read);
	}

	private SourceMarkers read(String relative) {
		for (Path root : sourceRoots) {
			Path file = root.resolve(relative);
			if (Files.isRegularFile(file)) {
				try {
					SourceMarkers markers = MarkerScanner.scan(Files.readString(file, StandardCharsets.UTF_8));
					knownNames.addAll(markers.names());
					return markers;
				} catch (IOException e) {
					throw new UncheckedIOException("Cannot read markers from " + file, e);
				}
			}
		}
		return SourceMarkers.NONE;
	}

	/**
	 * Returns the names of the markers found so far, in the files of the classes loaded so far.
	 *
	 * @return the names, sorted
	 */
	public SortedSet<String> knownNames() {
		return new TreeSet<>(knownNames);
	}
}
