package dev.frontrun.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;
import org.apache.maven.surefire.api.provider.AbstractProvider;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestSetFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontrunProviderTest {

	/** Remembers what the provider logs. */
	static final class RecordingLogger implements ConsoleLogger {
		final List<String> lines = new ArrayList<>();

		@Override
		public boolean isDebugEnabled() {
			return true;
		}

		@Override
		public void debug(String message) {
			lines.add("DEBUG " + message);
		}

		@Override
		public boolean isInfoEnabled() {
			return true;
		}

		@Override
		public void info(String message) {
			lines.add("INFO " + message);
		}

		@Override
		public boolean isWarnEnabled() {
			return true;
		}

		@Override
		public void warning(String message) {
			lines.add("WARNING " + message);
		}

		@Override
		public boolean isErrorEnabled() {
			return true;
		}

		@Override
		public void error(String message) {
			lines.add("ERROR " + message);
		}

		@Override
		public void error(String message, Throwable t) {
			lines.add("ERROR " + message);
		}

		@Override
		public void error(Throwable t) {
			lines.add("ERROR " + t);
		}
	}

	/** Stands in for the JUnit Platform provider: "runs" tests by adding results, as the listener would. */
	static final class FakeDelegate extends AbstractProvider {
		final FrontrunResults results;
		final List<FrontrunTestResult> toAdd;
		final RuntimeException failure;
		boolean cancelled;

		FakeDelegate(FrontrunResults results, List<FrontrunTestResult> toAdd, RuntimeException failure) {
			this.results = results;
			this.toAdd = toAdd;
			this.failure = failure;
		}

		@Override
		public Iterable<Class<?>> getSuites() {
			return List.of(String.class);
		}

		@Override
		public RunResult invoke(Object forkTestSet) throws TestSetFailedException {
			toAdd.forEach(results::add);
			if (failure != null) {
				throw failure;
			}
			return new RunResult(toAdd.size(), 0, 0, 0);
		}

		@Override
		public void cancel() {
			cancelled = true;
		}
	}

	/** Parameters whose reporter factory hands out listeners that log into {@code logger}. */
	private static ProviderParameters parameters(ConsoleLogger logger) {
		TestReportListener<?> listener = (TestReportListener<?>) Proxy.newProxyInstance(
				TestReportListener.class.getClassLoader(), new Class<?>[] { TestReportListener.class },
				(proxy, method, args) -> {
					if (method.getDeclaringClass() == ConsoleLogger.class) {
						return method.invoke(logger, args);
					}
					throw new UnsupportedOperationException(method.getName());
				});
		ReporterFactory reporterFactory = (ReporterFactory) Proxy.newProxyInstance(
				ReporterFactory.class.getClassLoader(), new Class<?>[] { ReporterFactory.class },
				(proxy, method, args) -> {
					if (method.getName().equals("createTestReportListener")) {
						return listener;
					}
					throw new UnsupportedOperationException(method.getName());
				});
		return (ProviderParameters) Proxy.newProxyInstance(ProviderParameters.class.getClassLoader(),
				new Class<?>[] { ProviderParameters.class }, (proxy, method, args) -> {
					if (method.getName().equals("getReporterFactory")) {
						return reporterFactory;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	private static FrontrunTestResult result(String method, Verdict verdict) {
		return new FrontrunTestResult("[engine:junit-jupiter]/[class:com.acme.BankAccountTest]/[method:" + method
				+ "()]", "com.acme.BankAccountTest", method, method + "()", "trace-markers", verdict,
				"SUCCESSFUL", 1, 12, verdict == Verdict.HOLDS ? null : "lost update", Map.of());
	}

	private static List<Path> files(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void writesOneRecordAndPrintsOneLinePerFrontrunTest(@TempDir Path temp) throws Exception {
		RecordingLogger logger = new RecordingLogger();
		FrontrunResults results = new FrontrunResults();
		FakeDelegate delegate = new FakeDelegate(results,
				List.of(result("lostUpdate", Verdict.HOLDS), result("doubleSpend", Verdict.VIOLATED)), null);
		Properties system = new Properties();
		Path dataDirectory = temp.resolve("target/frontrun");
		system.setProperty(FrontrunProvider.DATA_DIRECTORY, dataDirectory.toString());
		FrontrunProvider provider = new FrontrunProvider(parameters(logger), delegate, results, system,
				new AtomicBoolean());

		RunResult runResult = provider.invoke(null);

		assertEquals(2, runResult.getCompletedCount());
		assertTrue(results.isActive());
		assertEquals(List.of(
				"INFO [frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution, 12 ms",
				"INFO [frontrun] BankAccountTest.doubleSpend: trace-markers VIOLATED, 1 execution, 12 ms: lost update"),
				logger.lines);
		List<Path> written = files(dataDirectory);
		assertEquals(2, written.size());
		assertTrue(written.get(0).getFileName().toString().startsWith("com.acme.BankAccountTest.doubleSpend-"));
		assertTrue(Files.readString(written.get(0)).contains("\"verdict\": \"VIOLATED\""));
		assertEquals(List.of(), results.drain(), "the provider drained the results");
	}

	@Test
	void withoutTheDataDirectoryPropertyWritesNothingAndSaysWhyOnce(@TempDir Path temp) throws Exception {
		RecordingLogger logger = new RecordingLogger();
		FrontrunResults results = new FrontrunResults();
		AtomicBoolean reported = new AtomicBoolean();
		FakeDelegate delegate = new FakeDelegate(results, List.of(result("lostUpdate", Verdict.HOLDS)), null);
		FrontrunProvider provider = new FrontrunProvider(parameters(logger), delegate, results, new Properties(),
				reported);

		provider.invoke(null);
		provider.invoke(null);

		assertEquals(List.of(
				"WARNING [frontrun] No result records are written: the system property frontrun.dataDirectory is"
						+ " not set (frontrun:test sets it)",
				"INFO [frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution, 12 ms",
				"INFO [frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution, 12 ms"), logger.lines);
		assertEquals(List.of(), files(temp));
	}

	@Test
	void saysNothingWhenThereAreNoFrontrunTests() throws Exception {
		RecordingLogger logger = new RecordingLogger();
		FrontrunResults results = new FrontrunResults();
		FrontrunProvider provider = new FrontrunProvider(parameters(logger), new FakeDelegate(results, List.of(), null),
				results, new Properties(), new AtomicBoolean());
		provider.invoke(null);
		assertEquals(List.of(), logger.lines);
	}

	@Test
	void publishesWhatFinishedEvenWhenTheDelegateFails(@TempDir Path temp) {
		RecordingLogger logger = new RecordingLogger();
		FrontrunResults results = new FrontrunResults();
		IllegalStateException failure = new IllegalStateException("fork crashed");
		FakeDelegate delegate = new FakeDelegate(results, List.of(result("lostUpdate", Verdict.HOLDS)), failure);
		Properties system = new Properties();
		system.setProperty(FrontrunProvider.DATA_DIRECTORY, temp.toString());
		FrontrunProvider provider = new FrontrunProvider(parameters(logger), delegate, results, system,
				new AtomicBoolean());

		assertSame(failure, assertThrows(IllegalStateException.class, () -> provider.invoke(null)));
		assertEquals(1, logger.lines.size());
	}

	@Test
	void anUnwritableDirectoryIsAWarningNotAFailure(@TempDir Path temp) throws Exception {
		Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
		RecordingLogger logger = new RecordingLogger();
		FrontrunResults results = new FrontrunResults();
		Properties system = new Properties();
		system.setProperty(FrontrunProvider.DATA_DIRECTORY, file.toString());
		FrontrunProvider provider = new FrontrunProvider(parameters(logger),
				new FakeDelegate(results, List.of(result("lostUpdate", Verdict.HOLDS)), null), results, system,
				new AtomicBoolean());
		provider.invoke(null);
		assertTrue(logger.lines.get(0).startsWith("WARNING [frontrun] Could not write the record of "),
				logger.lines.get(0));
		assertTrue(logger.lines.get(1).startsWith("INFO [frontrun] BankAccountTest.lostUpdate"));
	}

	@Test
	void suitesAndCancelGoToTheDelegate() {
		FrontrunResults results = new FrontrunResults();
		FakeDelegate delegate = new FakeDelegate(results, List.of(), null);
		FrontrunProvider provider = new FrontrunProvider(parameters(new RecordingLogger()), delegate, results,
				new Properties(), new AtomicBoolean());
		assertEquals(List.of(String.class), provider.getSuites());
		provider.cancel();
		assertTrue(delegate.cancelled);
	}
}
