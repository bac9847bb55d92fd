package dev.frontrun.maven;

import java.util.Locale;

/**
 * An operating system and processor architecture, named as JNA names its native resource directories
 * ({@code linux-x86-64}, {@code linux-aarch64}, {@code darwin-aarch64}, {@code win32-x86-64}, ...), which is how
 * the frontrun-native jar lays out its libraries.
 *
 * @param os JNA's operating-system part: {@code linux}, {@code darwin}, {@code win32}, {@code freebsd}, ...
 * @param arch JNA's architecture part: {@code x86-64}, {@code x86}, {@code aarch64}, {@code arm},
 *        {@code ppc64le}, ...
 */
public record NativePlatform(String os, String arch) {

	/**
	 * Returns the platform of this JVM.
	 *
	 * @return the current platform
	 */
	public static NativePlatform current() {
		return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	/**
	 * Returns the platform for the values of the {@code os.name} and {@code os.arch} system properties.
	 *
	 * @param osName a value of {@code os.name}, such as {@code Linux} or {@code Mac OS X}
	 * @param osArch a value of {@code os.arch}, such as {@code amd64} or {@code aarch64}
	 * @return the platform
	 */
	public static NativePlatform of(String osName, String osArch) {
		return new NativePlatform(os(osName), arch(osArch));
	}

	private static String os(String osName) {
		String name = osName.toLowerCase(Locale.ROOT).trim();
		if (name.startsWith("linux")) {
			return "linux";
		}
		if (name.startsWith("mac") || name.startsWith("darwin")) {
			return "darwin";
		}
		if (name.startsWith("windows")) {
			return "win32";
		}
		if (name.startsWith("sunos") || name.startsWith("solaris")) {
			return "sunos";
		}
		if (name.startsWith("freebsd")) {
			return "freebsd";
		}
		if (name.startsWith("openbsd")) {
			return "openbsd";
		}
		if (name.startsWith("aix")) {
			return "aix";
		}
		return name.replaceAll("\\W+", "");
	}

	private static String arch(String osArch) {
		String arch = osArch.toLowerCase(Locale.ROOT).trim();
		switch (arch) {
		case "amd64":
		case "x86_64":
		case "x86-64":
			return "x86-64";
		case "i386":
		case "i486":
		case "i586":
		case "i686":
		case "x86":
			return "x86";
		case "aarch64":
		case "arm64":
			return "aarch64";
		case "powerpc64le":
		case "ppc64le":
			return "ppc64le";
		case "powerpc64":
		case "ppc64":
			return "ppc64";
		case "powerpc":
		case "ppc":
			return "ppc";
		default:
			return arch.startsWith("arm") ? "arm" : arch;
		}
	}

	/**
	 * Returns the directory of this platform's libraries in a JNA-style jar.
	 *
	 * @return {@code os + "-" + arch}, such as {@code linux-x86-64}
	 */
	public String resourcePrefix() {
		return os + "-" + arch;
	}

	/**
	 * Tells whether {@code LD_PRELOAD} libraries work on this platform; frontrun supports them on Linux only.
	 *
	 * @return {@code true} on Linux
	 */
	public boolean supportsPreload() {
		return "linux".equals(os);
	}

	@Override
	public String toString() {
		return resourcePrefix();
	}
}
