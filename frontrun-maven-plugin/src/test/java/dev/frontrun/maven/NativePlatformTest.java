package dev.frontrun.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NativePlatformTest {

	@ParameterizedTest
	@CsvSource({
			"Linux, amd64, linux-x86-64",
			"Linux, x86_64, linux-x86-64",
			"Linux, aarch64, linux-aarch64",
			"Linux, arm, linux-arm",
			"Linux, ppc64le, linux-ppc64le",
			"Linux, i386, linux-x86",
			"Linux, riscv64, linux-riscv64",
			"Mac OS X, aarch64, darwin-aarch64",
			"Mac OS X, x86_64, darwin-x86-64",
			"Windows 11, amd64, win32-x86-64",
			"FreeBSD, amd64, freebsd-x86-64",
			"SunOS, sparcv9, sunos-sparcv9" })
	void namesPlatformsAsJnaResourcePrefixes(String osName, String osArch, String prefix) {
		assertEquals(prefix, NativePlatform.of(osName, osArch).resourcePrefix());
	}

	@Test
	void onlyLinuxSupportsPreload() {
		assertTrue(NativePlatform.of("Linux", "aarch64").supportsPreload());
		assertFalse(NativePlatform.of("Mac OS X", "aarch64").supportsPreload());
		assertFalse(NativePlatform.of("Windows 10", "amd64").supportsPreload());
	}

	@Test
	void currentIsThisJvmsPlatform() {
		assertEquals(NativePlatform.of(System.getProperty("os.name"), System.getProperty("os.arch")),
				NativePlatform.current());
	}
}
