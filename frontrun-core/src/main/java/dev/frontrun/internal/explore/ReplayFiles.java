package dev.frontrun.internal.explore;

import dev.frontrun.ReplaySchedule;
import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.engine.Step;
import dev.frontrun.internal.report.TestIdentity;
import dev.frontrun.internal.runtime.Sites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replay files: the conversion between the engine's steps and {@link ReplaySchedule}s, where they are written, and
 * the command that replays them.
 *
 * <p>A failing exploration writes its schedule to {@code <frontrun.dataDirectory>/replay/<class>.<method>.json}
 * ({@code -2}, {@code -3}... before {@code .json} for the second and later explorations of one test), when the
 * system property {@value #DATA_DIRECTORY} is set, as {@code mvn frontrun:test} sets it. The runtime writes the file
 * itself, during the test, so that the explanation can name it and it exists whatever runs the test (Surefire with
 * frontrun's provider, an IDE); the JUnit extension publishes its path as the report entry
 * {@code frontrun.replayFile}, which the provider's result record keeps.
 */
final class ReplayFiles {

	/** The system property naming the directory of frontrun's results; replay files go in its {@code replay}. */
	static final String DATA_DIRECTORY = "frontrun.dataDirectory";

	private ReplayFiles() {
	}

	/**
	 * Converts an execution's steps for a replay file.
	 *
	 * @param schedule the steps
	 * @param trace the operations as they ran, with their sites, in the same order
	 * @return the replay file's steps
	 */
	static List<ReplaySchedule.Step> toFile(List<Step> schedule, List<TraceEntry> trace) {
		List<ReplaySchedule.Step> steps = new ArrayList<>();
		boolean located = trace.size() == schedule.size();
		for (int i = 0; i < schedule.size(); i++) {
			Step step = schedule.get(i);
			Operation operation = step.operation();
			String at = located && trace.get(i).thread() == step.thread() ? location(trace.get(i).site()) : null;
			steps.add(new ReplaySchedule.Step(step.thread(), operation.kind().name().toLowerCase(Locale.ROOT),
					operation.resource().space(), operation.resource().id(), at));
		}
		return steps;
	}

	/**
	 * Converts a replay file's steps for the engine.
	 *
	 * @param schedule the replay file's schedule
	 * @return the steps
	 * @throws IllegalArgumentException if a step names an unknown kind of operation
	 */
	static List<Step> fromFile(ReplaySchedule schedule) {
		List<Step> steps = new ArrayList<>();
		for (ReplaySchedule.Step step : schedule.steps()) {
			AccessKind kind;
			try {
				kind = AccessKind.valueOf(step.kind().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Step " + steps.size() + " of the replay file has the unknown kind \""
						+ step.kind() + "\"", e);
			}
			steps.add(new Step(steps.size(), step.thread(), new Operation(kind, new Resource(step.resource(),
					step.id()))));
		}
		return steps;
	}

	/**
	 * Returns where the replay file of an exploration goes.
	 *
	 * @param dataDirectory the data directory
	 * @param test the test, or {@code null}
	 * @param exploration which exploration of the test, from 1
	 * @return the file
	 */
	static Path file(Path dataDirectory, TestIdentity test, int exploration) {
		String name = test == null ? "unknown-test" : sanitize(test.className() + "." + test.methodName());
		return dataDirectory.resolve("replay").resolve(name + (exploration > 1 ? "-" + exploration : "") + ".json")
				.toAbsolutePath().normalize();
	}

	/**
	 * Returns the command that replays a file.
	 *
	 * @param test the test that recorded it, or {@code null}
	 * @param file the file
	 * @return {@code mvn frontrun:test -Dtest=Class#method -Dfrontrun.replay=file}
	 */
	static String command(TestIdentity test, Path file) {
		return "mvn frontrun:test" + (test == null ? "" : " -Dtest=" + shellWord(test.surefireSelector()))
				+ " -Dfrontrun.replay=" + shellWord(file.toString());
	}

	private static String location(int site) {
		try {
			return Sites.get(site).location();
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String sanitize(String name) {
		StringBuilder sanitized = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
					|| c == '_' || c == '-';
			sanitized.append(safe ? c : '_');
		}
		return sanitized.toString();
	}

	private static String shellWord(String word) {
		for (char c : word.toCharArray()) {
			boolean plain = Character.isLetterOrDigit(c) || "/._-#:=+,@".indexOf(c) >= 0;
			if (!plain) {
				return "'" + word.replace("'", "'\\''") + "'";
			}
		}
		return word;
	}
}
