package dev.frontrun.surefire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Renders a {@link FrontrunTestResult} as a JSON record and as a summary line, and writes the record to
 * {@code <data directory>/<class>.<method>-<hash>.json}.
 */
final class ResultRecords {

	/** The version of the record format, written as {@code formatVersion}. */
	static final long FORMAT_VERSION = 1;

	private static final int MAX_NAME_PART = 100;
	private static final int MAX_EXPLANATION_IN_SUMMARY = 160;

	private ResultRecords() {
	}

	/**
	 * Renders the JSON record of a result.
	 *
	 * @param result the result
	 * @return the JSON text
	 */
	static String toJson(FrontrunTestResult result) {
		return new JsonWriter()
				.member("formatVersion", FORMAT_VERSION)
				.member("uniqueId", result.uniqueId())
				.member("className", result.className())
				.member("methodName", result.methodName())
				.member("displayName", result.displayName())
				.member("approach", result.approach())
				.member("verdict", result.verdict().name())
				.member("outcome", result.outcome())
				.member("executions", result.executions() == null ? null : Long.valueOf(result.executions()))
				.member("durationMillis", result.durationMillis())
				.member("explanation", result.explanation())
				.member("reportEntries", result.reportEntries())
				.finish();
	}

	/**
	 * Returns the name of a result's record file: the sanitized class name, a dot, the sanitized method name
	 * (the display name when there is no method), a dash, the first eight hex digits of the SHA-256 of the
	 * unique id, and {@code .json}. The hash keeps the names of repeated and parameterized invocations apart.
	 *
	 * @param result the result
	 * @return the file name
	 */
	static String fileName(FrontrunTestResult result) {
		String className = result.className() == null ? "unknown" : result.className();
		String method = result.methodName() == null ? result.displayName() : result.methodName();
		return sanitize(className) + "." + sanitize(method) + "-" + shortHash(result.uniqueId()) + ".json";
	}

	/**
	 * Writes a result's record into a directory, creating the directory if needed and replacing an earlier
	 * record of the same test.
	 *
	 * @param directory the data directory
	 * @param result the result
	 * @return the written file
	 * @throws IOException if the file cannot be written
	 */
	static Path write(Path directory, FrontrunTestResult result) throws IOException {
		Files.createDirectories(directory);
		Path file = directory.resolve(fileName(result));
		Path temporary = Files.createTempFile(directory, ".frontrun-", ".tmp");
		try {
			Files.writeString(temporary, toJson(result), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
		return file;
	}

	/**
	 * Returns the summary line of a result, such as
	 * {@code [frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution, 12 ms}. A verdict other
	 * than {@code HOLDS} is followed by the first line of the explanation.
	 *
	 * @param result the result
	 * @return the line, without a line terminator
	 */
	static String summaryLine(FrontrunTestResult result) {
		StringBuilder line = new StringBuilder("[frontrun] ").append(testName(result)).append(": ");
		if (result.approach() != null && !result.approach().isBlank()) {
			line.append(result.approach()).append(' ');
		}
		line.append(result.verdict().name());
		if (result.executions() != null) {
			int executions = result.executions();
			line.append(", ").append(executions).append(executions == 1 ? " execution" : " executions");
		}
		line.append(", ").append(result.durationMillis()).append(" ms");
		if (result.verdict() != Verdict.HOLDS && result.explanation() != null && !result.explanation().isBlank()) {
			line.append(": ").append(firstLine(result.explanation()));
		}
		return line.toString();
	}

	/**
	 * Returns the line that tells how to replay a failing test's counterexample, such as
	 * {@code [frontrun]   replay: mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay=/p/...json}: the
	 * command that frontrun's runtime published as {@value FrontrunTestExecutionListener#REPLAY_COMMAND} after it
	 * wrote the replay file.
	 *
	 * @param result the result
	 * @return the line, or {@code null} when the test published no replay command
	 */
	static String replayLine(FrontrunTestResult result) {
		String command = result.reportEntries().get(FrontrunTestExecutionListener.REPLAY_COMMAND);
		return command == null || command.isBlank() ? null : "[frontrun]   replay: " + command;
	}

	private static String testName(FrontrunTestResult result) {
		String className = result.className();
		String simpleName = className == null ? null : className.substring(className.lastIndexOf('.') + 1);
		String method = result.methodName();
		if (method == null) {
			return simpleName == null ? result.displayName() : simpleName + "." + result.displayName();
		}
		String name = simpleName == null ? method : simpleName + "." + method;
		// A plain @Test shows as "lostUpdate()"; name invocations of templates by their display name too.
		return result.displayName().startsWith(method + "(") ? name : name + " [" + result.displayName() + "]";
	}

	private static String firstLine(String text) {
		String line = text.strip();
		int end = line.indexOf('\n');
		if (end >= 0) {
			line = line.substring(0, end).strip();
		}
		if (line.length() > MAX_EXPLANATION_IN_SUMMARY) {
			line = line.substring(0, MAX_EXPLANATION_IN_SUMMARY - 3) + "...";
		}
		return line;
	}

	static String sanitize(String name) {
		StringBuilder sanitized = new StringBuilder(Math.min(name.length(), MAX_NAME_PART));
		for (int i = 0; i < name.length() && sanitized.length() < MAX_NAME_PART; i++) {
			char c = name.charAt(i);
			boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
					|| c == '_' || c == '-';
			sanitized.append(safe ? c : '_');
		}
		return sanitized.length() == 0 ? "_" : sanitized.toString();
	}

	static String shortHash(String uniqueId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(uniqueId.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (int i = 0; i < 4; i++) {
				hex.append(String.format("%02x", digest[i] & 0xff));
			}
			return hex.toString();
		} catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
		}
	}
}
