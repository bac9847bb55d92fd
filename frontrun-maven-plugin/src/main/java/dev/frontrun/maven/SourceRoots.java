package dev.frontrun.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes the default source roots in which the agent looks for {@code // frontrun:} markers.
 */
public final class SourceRoots {

	private SourceRoots() {
	}

	/**
	 * Returns the project's compile and test source roots followed by the compile source roots of the other
	 * projects of the reactor, without duplicates, keeping only directories that exist.
	 *
	 * @param compileRoots the project's compile source roots
	 * @param testRoots the project's test source roots
	 * @param reactorCompileRoots the compile source roots of each project in the reactor
	 * @return the roots, absolute
	 */
	public static List<Path> defaults(Collection<String> compileRoots, Collection<String> testRoots,
			Collection<? extends Collection<String>> reactorCompileRoots) {
		Set<Path> roots = new LinkedHashSet<>();
		addExisting(compileRoots, roots);
		addExisting(testRoots, roots);
		for (Collection<String> projectRoots : reactorCompileRoots) {
			addExisting(projectRoots, roots);
		}
		return new ArrayList<>(roots);
	}

	private static void addExisting(Collection<String> candidates, Set<Path> roots) {
		for (String candidate : candidates) {
			Path root = Path.of(candidate).toAbsolutePath().normalize();
			if (Files.isDirectory(root)) {
				roots.add(root);
			}
		}
	}
}
