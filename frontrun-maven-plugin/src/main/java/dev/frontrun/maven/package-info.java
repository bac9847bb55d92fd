/**
 * The frontrun Maven plugin: {@code frontrun:test} runs the project's tests in Surefire forks with the frontrun
 * java agent, the {@code LD_PRELOAD} I/O library and frontrun's Surefire provider;
 * {@code frontrun:prepare-agent} only prepares the agent's JVM arguments, JaCoCo-style, for a Surefire or
 * Failsafe configuration the user controls.
 *
 * <p>The mojos are thin. Command-line editing and quoting ({@link dev.frontrun.maven.ArgLine}), the Surefire
 * configuration frontrun generates ({@link dev.frontrun.maven.SurefireConfiguration}), platform detection and
 * library extraction ({@link dev.frontrun.maven.NativePlatform}, {@link dev.frontrun.maven.NativeLibraries}),
 * the launcher version ({@link dev.frontrun.maven.JUnitPlatformVersions}) and the default source roots
 * ({@link dev.frontrun.maven.SourceRoots}) are plain classes with unit tests.
 */
package dev.frontrun.maven;
