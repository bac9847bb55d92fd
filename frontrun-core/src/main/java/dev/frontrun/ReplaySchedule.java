package dev.frontrun;

import dev.frontrun.internal.replay.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The exact interleaving of a failing execution, which {@link Exploration#replay(Path)} (or the system property
 * {@code frontrun.replay}) runs again, step by step: which thread performed which operation at each scheduling point.
 * Every {@link Verdict#VIOLATED} result carries one ({@link ExplorationResult#replaySchedule()}), shrunk to the
 * fewest preemptions frontrun found.
 *
 * <p>Its JSON form, the replay file, looks like this:
 * <pre>{@code
 * {
 *   "format": "frontrun-replay",
 *   "formatVersion": 1,
 *   "test": "example.CounterTest#increments",
 *   "exploration": 1,
 *   "strategy": "RANDOM(seed 42)",
 *   "execution": 3,
 *   "preemptions": 1,
 *   "steps": [
 *     {"thread": 0, "kind": "read", "resource": "field Counter.value", "id": 1, "at": "Counter.java:9"},
 *     ...
 *   ]
 * }
 * }</pre>
 * The resource and its id identify what the step touched as frontrun numbers it (stable from one run to the next
 * of the same code); {@code at} is where in the source, for people. When the code has changed so that the program no
 * longer does what a step says, the replay says so instead of running some other interleaving.
 *
 * @since 0.1.0
 */
public final class ReplaySchedule {

	/** The value of {@code "format"} in replay files. */
	public static final String FORMAT = "frontrun-replay";
	/** The version of the replay file format this frontrun writes and reads. */
	public static final int FORMAT_VERSION = 1;

	/**
	 * One step: a thread performed an operation on a resource.
	 *
	 * @param thread the thread, numbered from 0 in the order the exploration added them (threads the program
	 *        starts come after)
	 * @param kind {@code read}, {@code write}, {@code acquire}, {@code release}, {@code join} or {@code wait}
	 * @param resource the kind of thing touched, such as {@code field Counter.value} or {@code monitor}
	 * @param id which one of that kind, as frontrun numbers them
	 * @param at where in the source, such as {@code Counter.java:9}; {@code null} when unknown
	 */
	public record Step(int thread, String kind, String resource, long id, String at) {

		/**
		 * Checks the step.
		 *
		 * @param thread the thread
		 * @param kind the kind of operation
		 * @param resource the kind of thing touched
		 * @param id which one
		 * @param at where in the source, or {@code null}
		 */
		public Step {
			if (thread < 0) {
				throw new IllegalArgumentException("A step's thread is at least 0, got " + thread);
			}
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(resource, "resource");
		}

		@Override
		public String toString() {
			return "thread " + thread + " " + kind + " " + resource + "#" + id + (at == null ? "" : " at " + at);
		}
	}

	private final String test;
	private final int exploration;
	private final String strategy;
	private final long execution;
	private final int preemptions;
	private final List<Step> steps;

	/**
	 * Creates a schedule.
	 *
	 * @param test the test that recorded it, as {@code class#method}, or {@code null}
	 * @param exploration which exploration of that test, from 1
	 * @param strategy the strategy that found it, as {@link Strategy#toString()} gives it
	 * @param execution the number of the execution that found it, from 1
	 * @param preemptions how many preemptions its steps have
	 * @param steps the steps
	 */
	public ReplaySchedule(String test, int exploration, String strategy, long execution, int preemptions,
			List<Step> steps) {
		this.test = test;
		this.exploration = exploration;
		this.strategy = strategy;
		this.execution = execution;
		this.preemptions = preemptions;
		this.steps = List.copyOf(steps);
	}

	/**
	 * Returns the test that recorded the schedule.
	 *
	 * @return {@code class#method}, or {@code null} when unknown
	 */
	public String test() {
		return test;
	}

	/**
	 * Returns which exploration of the test recorded it: a test may run several.
	 *
	 * @return the exploration's number within its test, from 1
	 */
	public int exploration() {
		return exploration;
	}

	/**
	 * Returns the strategy that found the failure.
	 *
	 * @return such as {@code RANDOM(seed 42)}
	 */
	public String strategy() {
		return strategy;
	}

	/**
	 * Returns the number of the execution that found the failure.
	 *
	 * @return the execution's number, from 1
	 */
	public long execution() {
		return execution;
	}

	/**
	 * Returns how many preemptions the schedule has: switches away from a thread that could have gone on.
	 *
	 * @return the count
	 */
	public int preemptions() {
		return preemptions;
	}

	/**
	 * Returns the steps.
	 *
	 * @return the steps, in order
	 */
	public List<Step> steps() {
		return steps;
	}

	/**
	 * Renders the schedule as a replay file.
	 *
	 * @return the JSON text, one step per line, ending with a newline
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\n");
		json.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
		json.append("  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
		json.append("  \"test\": ").append(Json.quote(test)).append(",\n");
		json.append("  \"exploration\": ").append(exploration).append(",\n");
		json.append("  \"strategy\": ").append(Json.quote(strategy)).append(",\n");
		json.append("  \"execution\": ").append(execution).append(",\n");
		json.append("  \"preemptions\": ").append(preemptions).append(",\n");
		json.append("  \"steps\": [");
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			json.append(i == 0 ? "\n" : ",\n").append("    {\"thread\": ").append(step.thread())
					.append(", \"kind\": ").append(Json.quote(step.kind()))
					.append(", \"resource\": ").append(Json.quote(step.resource()))
					.append(", \"id\": ").append(step.id())
					.append(", \"at\": ").append(Json.quote(step.at())).append('}');
		}
		json.append(steps.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
		return json.toString();
	}

	/**
	 * Reads a schedule from the text of a replay file.
	 *
	 * @param json the text
	 * @return the schedule
	 * @throws IllegalArgumentException if the text is not a replay file this version reads, saying why
	 */
	public static ReplaySchedule fromJson(String json) {
		if (!(Json.parse(json) instanceof Map<?, ?> root)) {
			throw new IllegalArgumentException("A replay file is a JSON object");
		}
		if (!FORMAT.equals(root.get("format"))) {
			throw new IllegalArgumentException("Not a frontrun replay file: \"format\" is " + root.get("format")
					+ ", not \"" + FORMAT + "\"");
		}
		long version = number(root, "formatVersion");
		if (version != FORMAT_VERSION) {
			throw new IllegalArgumentException("The replay file has format version " + version + "; this frontrun "
					+ "reads version " + FORMAT_VERSION);
		}
		if (!(root.get("steps") instanceof List<?> rawSteps)) {
			throw new IllegalArgumentException("The replay file has no \"steps\" array");
		}
		List<Step> steps = new ArrayList<>();
		for (Object raw : rawSteps) {
			if (!(raw instanceof Map<?, ?> step)) {
				throw new IllegalArgumentException("Step " + steps.size() + " of the replay file is not an object");
			}
			steps.add(new Step((int) number(step, "thread"), text(step, "kind"), text(step, "resource"),
					number(step, "id"), step.get("at") instanceof String at ? at : null));
		}
		return new ReplaySchedule(root.get("test") instanceof String test ? test : null,
				(int) number(root, "exploration"), root.get("strategy") instanceof String s ? s : null,
				number(root, "execution"), (int) number(root, "preemptions"), steps);
	}

	/**
	 * Reads a replay file.
	 *
	 * @param file the file
	 * @return the schedule
	 * @throws UncheckedIOException if the file cannot be read
	 * @throws IllegalArgumentException if it is not a replay file this version reads, saying why
	 */
	public static ReplaySchedule read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the replay file " + file + ": " + e, e);
		}
		try {
			return fromJson(text);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes the schedule as a replay file, creating its directory if needed and replacing an older file.
	 *
	 * @param file the file
	 * @throws UncheckedIOException if it cannot be written
	 */
	public void write(Path file) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			if (directory != null) {
				Files.createDirectories(directory);
			}
			Files.writeString(file, toJson(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot write the replay file " + file + ": " + e, e);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReplaySchedule that && exploration == that.exploration
				&& execution == that.execution && preemptions == that.preemptions && Objects.equals(test, that.test)
				&& Objects.equals(strategy, that.strategy) && steps.equals(that.steps);
	}

	@Override
	public int hashCode() {
		return Objects.hash(test, exploration, strategy, execution, preemptions, steps);
	}

	/**
	 * Names the threads in order, such as {@code 0 0 1 1 0 (1 preemption)}.
	 *
	 * @return the compact form
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (Step step : steps) {
			text.append(text.length() == 0 ? "" : " ").append(step.thread());
		}
		return text + " (" + preemptions + (preemptions == 1 ? " preemption)" : " preemptions)");
	}

	private static long number(Map<?, ?> object, String name) {
		if (!(object.get(name) instanceof Long value)) {
			throw new IllegalArgumentException("\"" + name + "\" is missing or not an integer");
		}
		return value;
	}

	private static String text(Map<?, ?> object, String name) {
		if (!(object.get(name) instanceof String value)) {
			throw new IllegalArgumentException("\"" + name + "\" is missing or not a string");
		}
		return value;
	}
}
