package dev.frontrun.surefire;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;
import org.apache.maven.surefire.api.provider.AbstractProvider;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.provider.SurefireProvider;
import org.apache.maven.surefire.api.report.ReporterException;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestSetFailedException;
import org.apache.maven.surefire.junitplatform.JUnitPlatformProvider;

/**
 * The Surefire provider of {@code frontrun:test}: runs the tests with Surefire's JUnit Platform provider, then
 * writes one JSON record per frontrun test into the directory named by the system property
 * {@value #DATA_DIRECTORY} and prints one summary line per frontrun test to the build log, followed, for a test
 * whose exploration failed, by the command that replays its counterexample (the runtime wrote the replay file under
 * {@code <dataDirectory>/replay/} during the test).
 *
 * <p>Surefire instantiates it through its {@code (ProviderParameters)} constructor after finding it in
 * {@code META-INF/services/org.apache.maven.surefire.api.provider.SurefireProvider}. Test selection, tag
 * filters, reruns and reporting are all the delegate's; this class adds nothing to them.
 *
 * <p>The summary lines are logged through a listener of Surefire's reporter factory, which is also Surefire's
 * {@link ConsoleLogger} (Surefire 3.6 has no {@code ProviderParameters.getConsoleLogger()}). From a forked JVM
 * that is the channel that reaches the Maven build log; {@code System.out} would be captured as test output.
 */
public class FrontrunProvider extends AbstractProvider {

	/** The system property naming the directory for the JSON records; set by the Maven plugin. */
	public static final String DATA_DIRECTORY = "frontrun.dataDirectory";

	private static final AtomicBoolean MISSING_DIRECTORY_REPORTED = new AtomicBoolean();

	private final ProviderParameters parameters;
	private final SurefireProvider delegate;
	private final FrontrunResults results;
	private final Properties systemProperties;
	private final AtomicBoolean missingDirectoryReported;

	/**
	 * Creates the provider; Surefire calls this constructor.
	 *
	 * @param parameters what Surefire passes to providers
	 */
	public FrontrunProvider(ProviderParameters parameters) {
		this(parameters, new JUnitPlatformProvider(parameters), FrontrunResults.shared(), System.getProperties(),
				MISSING_DIRECTORY_REPORTED);
	}

	FrontrunProvider(ProviderParameters parameters, SurefireProvider delegate, FrontrunResults results,
			Properties systemProperties, AtomicBoolean missingDirectoryReported) {
		this.parameters = parameters;
		this.delegate = delegate;
		this.results = results;
		this.systemProperties = systemProperties;
		this.missingDirectoryReported = missingDirectoryReported;
	}

	@Override
	public Iterable<Class<?>> getSuites() {
		return delegate.getSuites();
	}

	@Override
	public RunResult invoke(Object forkTestSet)
			throws TestSetFailedException, ReporterException, InvocationTargetException {
		// Created before the delegate closes the reporter factory. In a fork this listener sends what it logs
		// through Surefire's event channel, so it reaches the Maven build log as [INFO]/[WARNING] lines.
		ConsoleLogger log = parameters.getReporterFactory().createTestReportListener();
		results.activate();
		try {
			return delegate.invoke(forkTestSet);
		} finally {
			publish(results.drain(), log);
		}
	}

	@Override
	public void cancel() {
		delegate.cancel();
	}

	private void publish(List<FrontrunTestResult> finished, ConsoleLogger log) {
		if (finished.isEmpty()) {
			return;
		}
		Path dataDirectory = dataDirectory();
		if (dataDirectory == null && missingDirectoryReported.compareAndSet(false, true)) {
			log.warning("[frontrun] No result records are written: the system property " + DATA_DIRECTORY
					+ " is not set (frontrun:test sets it)");
		}
		for (FrontrunTestResult result : finished) {
			if (dataDirectory != null) {
				try {
					ResultRecords.write(dataDirectory, result);
				} catch (IOException | RuntimeException e) {
					log.warning("[frontrun] Could not write the record of " + result.uniqueId() + " to "
							+ dataDirectory + ": " + e);
				}
			}
			log.info(ResultRecords.summaryLine(result));
			String replay = ResultRecords.replayLine(result);
			if (replay != null) {
				log.info(replay);
			}
		}
	}

	private Path dataDirectory() {
		String directory = systemProperties.getProperty(DATA_DIRECTORY);
		return directory == null || directory.isBlank() ? null : Path.of(directory.trim());
	}
}
