package dev.frontrun.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

	private static final NativePlatform LINUX_X64 = NativePlatform.of("Linux", "amd64");

	@TempDir
	Path temp;

	private Path nativeJar(String entry, String content) throws IOException {
		Path jar = temp.resolve("frontrun-native-0.1.0.jar");
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
			zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
			if (entry != null) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write(content.getBytes(StandardCharsets.UTF_8));
			}
		}
		return jar;
	}

	@Test
	void extractsTheLibraryOfThePlatform() throws IOException {
		Path jar = nativeJar("linux-x86-64/libfrontrun_io.so", "ELF-x86-64");
		Path directory = temp.resolve("target/frontrun/native");
		NativeLibraries.Extraction extraction = NativeLibraries.extract(jar, LINUX_X64, directory);
		assertTrue(extraction.isAvailable());
		assertNull(extraction.reason());
		assertEquals(directory.resolve("libfrontrun_io.so"), extraction.library());
		assertArrayEquals("ELF-x86-64".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(extraction.library()));
		try (Stream<Path> files = Files.list(directory)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}

	@Test
	void leavesAnIdenticalLibraryAloneAndReplacesADifferentOne() throws IOException {
		Path directory = temp.resolve("native");
		Path library = NativeLibraries.extract(nativeJar("linux-x86-64/libfrontrun_io.so", "v1"), LINUX_X64, directory)
				.library();
		FileTime old = FileTime.fromMillis(1_000_000_000L);
		Files.setLastModifiedTime(library, old);
		NativeLibraries.extract(nativeJar("linux-x86-64/libfrontrun_io.so", "v1"), LINUX_X64, directory);
		assertEquals(old, Files.getLastModifiedTime(library));
		NativeLibraries.extract(nativeJar("linux-x86-64/libfrontrun_io.so", "v2"), LINUX_X64, directory);
		assertEquals("v2", Files.readString(library));
	}

	@Test
	void aJarWithoutTheLibraryOfThePlatformGivesAReason() throws IOException {
		Path jar = nativeJar("linux-x86-64/libfrontrun_io.so", "x");
		NativeLibraries.Extraction extraction = NativeLibraries.extract(jar, NativePlatform.of("Linux", "aarch64"),
				temp.resolve("native"));
		assertFalse(extraction.isAvailable());
		assertEquals("frontrun-native-0.1.0.jar has no library for linux-aarch64 (no linux-aarch64/libfrontrun_io.so;"
				+ " the library is built on Linux x86-64 only)", extraction.reason());
		assertFalse(Files.exists(temp.resolve("native")));
	}

	@Test
	void anEmptyNativeJarGivesAReason() throws IOException {
		NativeLibraries.Extraction extraction = NativeLibraries.extract(nativeJar(null, null), LINUX_X64,
				temp.resolve("native"));
		assertFalse(extraction.isAvailable());
		assertTrue(extraction.reason().contains("has no library for linux-x86-64"), extraction.reason());
	}

	@Test
	void otherOperatingSystemsHaveNoPreload() throws IOException {
		NativeLibraries.Extraction extraction = NativeLibraries.extract(
				nativeJar("linux-x86-64/libfrontrun_io.so", "x"), NativePlatform.of("Mac OS X", "aarch64"),
				temp.resolve("native"));
		assertEquals("LD_PRELOAD libraries are supported on Linux only, and this is darwin-aarch64",
				extraction.reason());
	}

	@Test
	void aMissingNativeJarGivesAReason() throws IOException {
		assertEquals("the frontrun-native jar is not among the plugin's dependencies",
				NativeLibraries.extract(null, LINUX_X64, temp).reason());
	}

	@Test
	void anExtractionIsEitherALibraryOrAReason() {
		assertThrows(IllegalArgumentException.class, () -> new NativeLibraries.Extraction(null, null));
		assertThrows(IllegalArgumentException.class, () -> new NativeLibraries.Extraction(Path.of("x"), "y"));
	}

	@Test
	void prependsToLdPreloadOnce() {
		Path library = Path.of("/t/frontrun/native/libfrontrun_io.so");
		assertEquals("/t/frontrun/native/libfrontrun_io.so", NativeLibraries.prependToPreload(library, null));
		assertEquals("/t/frontrun/native/libfrontrun_io.so", NativeLibraries.prependToPreload(library, " "));
		assertEquals("/t/frontrun/native/libfrontrun_io.so:/usr/lib/libfoo.so",
				NativeLibraries.prependToPreload(library, "/usr/lib/libfoo.so"));
		assertEquals("/t/frontrun/native/libfrontrun_io.so:/usr/lib/libfoo.so:/lib/b.so",
				NativeLibraries.prependToPreload(library, "/usr/lib/libfoo.so /t/frontrun/native/libfrontrun_io.so:/lib/b.so"));
		assertEquals("/t/frontrun/native/libfrontrun_io.so:/lib/b.so",
				NativeLibraries.prependToPreload(library, "${frontrun.preloadLibrary}:/lib/b.so"));
	}

	@Test
	void ldPreloadCannotNamePathsWithSpacesOrColons() {
		assertTrue(NativeLibraries.isPreloadable(Path.of("/t/frontrun/native/libfrontrun_io.so")));
		assertFalse(NativeLibraries.isPreloadable(Path.of("/my project/target/libfrontrun_io.so")));
		assertFalse(NativeLibraries.isPreloadable(Path.of("/a:b/libfrontrun_io.so")));
	}

	@Test
	void aPreloadablePathIsUsedAsItIs() throws IOException {
		Path library = NativeLibraries.extract(nativeJar("linux-x86-64/libfrontrun_io.so", "x"), LINUX_X64,
				temp.resolve("native")).library();
		assertEquals(library, NativeLibraries.preloadablePath(library, temp.resolve("tmp")));
		assertFalse(Files.exists(temp.resolve("tmp")));
	}

	@Test
	void aPathWithASpaceIsCopiedToTheTemporaryDirectory() throws IOException {
		Path library = NativeLibraries.extract(nativeJar("linux-x86-64/libfrontrun_io.so", "x"), LINUX_X64,
				temp.resolve("my project/target/frontrun/native")).library();
		Path copy = NativeLibraries.preloadablePath(library, temp.resolve("tmp"));
		assertTrue(copy.startsWith(temp.resolve("tmp")), copy.toString());
		assertTrue(copy.getParent().getFileName().toString().matches("frontrun-[0-9a-f]{16}"), copy.toString());
		assertEquals("x", Files.readString(copy));
		assertEquals(copy, NativeLibraries.preloadablePath(library, temp.resolve("tmp")), "the copy is reused");
		assertNull(NativeLibraries.preloadablePath(library, temp.resolve("tmp dir")));
	}
}
