package dev.frontrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an exploration found: its verdict, how it got there, and an explanation a developer can act on.
 *
 * @since 0.1.0
 */
public final class ExplorationResult {

	/**
	 * One failing execution.
	 *
	 * @param execution the execution's number, from 1
	 * @param schedule the thread that ran at each scheduling point, by thread index
	 * @param explanation why it failed
	 */
	public record Failure(long execution, List<Integer> schedule, String explanation) {

		/**
		 * Creates a failure.
		 */
		public Failure {
			schedule = List.copyOf(schedule);
		}
	}

	private final Verdict verdict;
	private final String explanation;
	private final long executions;
	private final boolean exhausted;
	private final List<Failure> failures;
	private final int reproductions;
	private final int reproductionAttempts;
	private final ReplaySchedule replaySchedule;
	private final Path replayFile;

	/**
	 * Creates a result.
	 *
	 * @param verdict the verdict
	 * @param explanation the explanation, never {@code null}
	 * @param executions how many executions ran
	 * @param exhausted whether the whole space was covered with no bound cutting it
	 * @param failures the failing executions, in order
	 * @param reproductions how many replays of the reported failure failed the same way
	 * @param reproductionAttempts how many replays ran
	 */
	public ExplorationResult(Verdict verdict, String explanation, long executions, boolean exhausted,
			List<Failure> failures, int reproductions, int reproductionAttempts) {
		this(verdict, explanation, executions, exhausted, failures, reproductions, reproductionAttempts, null, null);
	}

	/**
	 * Creates a result with the counterexample to replay.
	 *
	 * @param verdict the verdict
	 * @param explanation the explanation, never {@code null}
	 * @param executions how many executions ran
	 * @param exhausted whether the whole space was covered with no bound cutting it
	 * @param failures the failing executions, in order
	 * @param reproductions how many replays of the reported failure failed the same way
	 * @param reproductionAttempts how many replays ran
	 * @param replaySchedule the reported failure's interleaving, or {@code null}
	 * @param replayFile where it was written, or {@code null}
	 */
	public ExplorationResult(Verdict verdict, String explanation, long executions, boolean exhausted,
			List<Failure> failures, int reproductions, int reproductionAttempts, ReplaySchedule replaySchedule,
			Path replayFile) {
		this.replaySchedule = replaySchedule;
		this.replayFile = replayFile;
		this.verdict = verdict;
		this.explanation = explanation;
		this.executions = executions;
		this.exhausted = exhausted;
		this.failures = List.copyOf(failures);
		this.reproductions = reproductions;
		this.reproductionAttempts = reproductionAttempts;
	}

	/**
	 * Returns the verdict.
	 *
	 * @return {@link Verdict#HOLDS}, {@link Verdict#VIOLATED} or {@link Verdict#INCONCLUSIVE}
	 */
	public Verdict verdict() {
		return verdict;
	}

	/**
	 * Tells whether the invariant held: the verdict is {@link Verdict#HOLDS}.
	 *
	 * @return {@code false} for a violation and for an inconclusive search
	 */
	public boolean propertyHolds() {
		return verdict == Verdict.HOLDS;
	}

	/**
	 * Returns the explanation: for a violation, the conflicting accesses in order with their source lines; for an
	 * inconclusive search, what cut it; for a pass, what was covered.
	 *
	 * @return the explanation
	 */
	public String explanation() {
		return explanation;
	}

	/**
	 * Returns how many executions ran, not counting reproductions.
	 *
	 * @return the number of executions
	 */
	public long executions() {
		return executions;
	}

	/**
	 * Tells whether the whole space of interleavings was covered: the search ended by itself, no bound or budget
	 * cut it, and no thread blocked where frontrun could not see. Never for a sampling strategy, which covers a
	 * sample of the interleavings.
	 *
	 * @return {@code true} only for a complete search
	 */
	public boolean exhausted() {
		return exhausted;
	}

	/**
	 * Returns the failing executions.
	 *
	 * @return the failures, in the order found; one at most when the exploration stops on the first
	 */
	public List<Failure> failures() {
		return failures;
	}

	/**
	 * Returns how many replays of the reported failure failed the same way.
	 *
	 * @return the number of successful reproductions
	 */
	public int reproductions() {
		return reproductions;
	}

	/**
	 * Returns how many replays of the reported failure ran.
	 *
	 * @return the number of reproduction attempts
	 */
	public int reproductionAttempts() {
		return reproductionAttempts;
	}

	/**
	 * Returns the interleaving of the reported failure, shrunk to the fewest preemptions frontrun found, for
	 * {@link Exploration#replay(Path)}.
	 *
	 * @return the schedule; present for every {@link Verdict#VIOLATED} result
	 */
	public Optional<ReplaySchedule> replaySchedule() {
		return Optional.ofNullable(replaySchedule);
	}

	/**
	 * Returns the replay file written for the reported failure: {@code <frontrun.dataDirectory>/replay/...json},
	 * when that system property is set.
	 *
	 * @return the file, or empty when none was written
	 */
	public Optional<Path> replayFile() {
		return Optional.ofNullable(replayFile);
	}

	/**
	 * Throws unless the invariant held.
	 *
	 * @throws AssertionError carrying the explanation, for a violation or an inconclusive search
	 */
	public void assertHolds() {
		if (!propertyHolds()) {
			throw new AssertionError(explanation);
		}
	}

	@Override
	public String toString() {
		return verdict + " after " + executions + (executions == 1 ? " execution" : " executions")
				+ (exhausted ? " (exhausted)" : "");
	}
}
