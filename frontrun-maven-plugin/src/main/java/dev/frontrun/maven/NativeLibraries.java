package dev.frontrun.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds frontrun's {@code LD_PRELOAD} library for the current platform in the frontrun-native jar and extracts
 * it, and edits {@code LD_PRELOAD} values.
 */
public final class NativeLibraries {

	/** The file name of the I/O interception library. */
	public static final String LIBRARY_NAME = "libfrontrun_io.so";

	private NativeLibraries() {
	}

	/**
	 * The outcome of looking for the library: either the extracted file, or why there is none.
	 *
	 * @param library the extracted library, or {@code null}
	 * @param reason why there is no library, or {@code null}
	 */
	public record Extraction(Path library, String reason) {

		/**
		 * Checks that exactly one of the two is present.
		 *
		 * @param library the extracted library, or {@code null}
		 * @param reason why there is no library, or {@code null}
		 */
		public Extraction {
			if ((library == null) == (reason == null)) {
				throw new IllegalArgumentException("exactly one of library and reason");
			}
		}

		static Extraction of(Path library) {
			return new Extraction(library, null);
		}

		static Extraction none(String reason) {
			return new Extraction(null, reason);
		}

		/**
		 * Tells whether a library was extracted.
		 *
		 * @return {@code true} if {@link #library()} is the extracted file
		 */
		public boolean isAvailable() {
			return library != null;
		}
	}

	/**
	 * Extracts {@code <platform prefix>/libfrontrun_io.so} from the frontrun-native jar into a directory. An
	 * identical existing file is left alone; a different one is replaced atomically, so forks that have mapped
	 * the old file are not disturbed.
	 *
	 * @param nativeJar the frontrun-native jar, or {@code null} if it is not available
	 * @param platform the platform to extract for
	 * @param directory where to put {@value #LIBRARY_NAME}
	 * @return the extracted library, or the reason there is none
	 * @throws IOException if the jar cannot be read or the library cannot be written
	 */
	public static Extraction extract(Path nativeJar, NativePlatform platform, Path directory) throws IOException {
		if (!platform.supportsPreload()) {
			return Extraction.none("LD_PRELOAD libraries are supported on Linux only, and this is " + platform);
		}
		if (nativeJar == null || !Files.isRegularFile(nativeJar)) {
			return Extraction.none("the frontrun-native jar is not among the plugin's dependencies");
		}
		String entryName = platform.resourcePrefix() + "/" + LIBRARY_NAME;
		byte[] content;
		try (ZipFile jar = new ZipFile(nativeJar.toFile())) {
			ZipEntry entry = jar.getEntry(entryName);
			if (entry == null) {
				return Extraction.none(nativeJar.getFileName() + " has no library for " + platform + " (no "
						+ entryName + "; the library is built on Linux x86-64 only)");
			}
			try (InputStream in = jar.getInputStream(entry)) {
				content = in.readAllBytes();
			}
		}
		Files.createDirectories(directory);
		Path library = directory.resolve(LIBRARY_NAME);
		if (Files.isRegularFile(library) && Arrays.equals(Files.readAllBytes(library), content)) {
			return Extraction.of(library);
		}
		Path temporary = Files.createTempFile(directory, LIBRARY_NAME, ".tmp");
		try {
			Files.write(temporary, content);
			Files.move(temporary, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
		return Extraction.of(library);
	}

	/**
	 * Puts a library in front of an {@code LD_PRELOAD} value. Entries of the old value that name the same
	 * library, or that are unresolved Maven expressions ({@code ${...}}), are left out.
	 *
	 * @param library the library to preload
	 * @param existing the existing value (entries separated by colons or spaces), possibly {@code null}
	 * @return the new value, entries separated by colons
	 */
	public static String prependToPreload(Path library, String existing) {
		String path = library.toAbsolutePath().toString();
		StringBuilder value = new StringBuilder(path);
		if (existing != null) {
			for (String entry : existing.trim().split("[:\\s]+")) {
				if (!entry.isEmpty() && !entry.equals(path) && !entry.contains("${")) {
					value.append(':').append(entry);
				}
			}
		}
		return value.toString();
	}

	/**
	 * Tells whether {@code LD_PRELOAD} can name a file: the dynamic linker splits its value at spaces and colons.
	 *
	 * @param library the library
	 * @return {@code true} if the absolute path has neither
	 */
	public static boolean isPreloadable(Path library) {
		String path = library.toAbsolutePath().toString();
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == ':' || Character.isWhitespace(path.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns a path of the library that {@code LD_PRELOAD} can name: the library itself, or else a copy in
	 * {@code <directory>/frontrun-<content hash>/} (the project directory may contain a space, the temporary
	 * directory rarely does).
	 *
	 * @param library the extracted library
	 * @param directory where to put a copy if needed, usually {@code java.io.tmpdir}
	 * @return the library or its copy, or {@code null} if neither path can be preloaded
	 * @throws IOException if the copy cannot be made
	 */
	public static Path preloadablePath(Path library, Path directory) throws IOException {
		if (isPreloadable(library)) {
			return library.toAbsolutePath();
		}
		byte[] content = Files.readAllBytes(library);
		Path copyDirectory = directory.toAbsolutePath().resolve("frontrun-" + shortHash(content));
		Path copy = copyDirectory.resolve(LIBRARY_NAME);
		if (!isPreloadable(copy)) {
			return null;
		}
		if (!Files.isRegularFile(copy) || !Arrays.equals(Files.readAllBytes(copy), content)) {
			Files.createDirectories(copyDirectory);
			Path temporary = Files.createTempFile(copyDirectory, LIBRARY_NAME, ".tmp");
			try {
				Files.write(temporary, content);
				Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} finally {
				Files.deleteIfExists(temporary);
			}
		}
		return copy;
	}

	private static String shortHash(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			StringBuilder hex = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				hex.append(String.format("%02x", digest[i] & 0xff));
			}
			return hex.toString();
		} catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
		}
	}
}
