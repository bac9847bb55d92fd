/**
 * The Surefire provider that {@code frontrun:test} runs in its forked test JVMs.
 *
 * <p>{@link dev.frontrun.surefire.FrontrunProvider} delegates the test run to Surefire's own JUnit Platform
 * provider. While the tests run, {@link dev.frontrun.surefire.FrontrunTestExecutionListener}, which the JUnit
 * Platform launcher finds through {@link java.util.ServiceLoader}, collects the result of every frontrun test:
 * a test with the JUnit tag {@code frontrun} or with a {@code frontrun.*} report entry. When the delegate is done
 * the provider writes one JSON record per frontrun test into the directory named by the system property
 * {@code frontrun.dataDirectory} and prints one summary line per frontrun test to the build log.
 *
 * <p>The provider never touches the java agent or {@code LD_PRELOAD}: the fork's command line is built by the
 * Maven plugin before any provider code runs.
 */
package dev.frontrun.surefire;
