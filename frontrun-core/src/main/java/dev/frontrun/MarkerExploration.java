package dev.frontrun;

import dev.frontrun.internal.runtime.AgentRequirement;
import dev.frontrun.internal.trace.MarkerExplorer;
import dev.frontrun.internal.trace.MarkerSchedules;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Describes a marker-schedule exploration: named threads, each with the trace markers it passes in order, run
 * under every order in which those markers can interleave. Built by {@link Frontrun#exploreMarkers(Supplier)};
 * {@link #run()} runs it.
 *
 * <pre>{@code
 * ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
 *         .thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
 *         .thread("thread2", a -> a.transfer(50), "read_balance", "write_balance")
 *         .invariant(a -> a.balance == 200)
 *         .run();
 * assertTrue(result.propertyHolds(), result.explanation());
 * }</pre>
 *
 * <h2>What runs</h2>
 * <p>Every order-preserving merge of the threads' marker sequences: each thread passes its own markers in the order
 * given, and the threads' steps interleave in every possible way. Threads with k₁, k₂, ... markers give
 * (k₁+k₂+...)!/(k₁!·k₂!·...) schedules: 2 threads of 2 markers give 6, 3 threads of 2 give 90, 2 threads of 3 give
 * 20. Each schedule runs as a {@link TraceExecutor} would run it, on a fresh state from the setup, and the invariant
 * is checked after every thread has finished. Between two markers only one thread runs, so this covers every
 * interleaving <em>at marker granularity</em>, nothing finer.
 *
 * <p>The schedules run in a fixed order, the same on every run: the lexicographic order of the thread index taking
 * each step, so first thread 0 alone to its end, then thread 1, ..., and last the threads in reverse.
 * {@link #schedules()} lists them.
 *
 * <h2>Outcomes</h2>
 * <ul>
 * <li>{@link Verdict#HOLDS}, {@link ExplorationResult#exhausted()}: every schedule ran and the invariant held.
 * <li>{@link Verdict#VIOLATED}: the invariant returned {@code false} or threw, or a thread threw. The explanation
 * lists the failing schedule step by step and prints it as the {@code Schedule.of(Step.of(...), ...)} code that
 * replays it in a {@link TraceExecutor} test; {@link #scheduleOf(ExplorationResult.Failure)} returns it.
 * <li>{@link Verdict#INCONCLUSIVE}, never exhausted: {@link #maxExecutions(long)} cut the search, an execution did
 * not finish in {@link #timeoutPerExecution(Duration)}, or no schedule could run (below).
 * </ul>
 * <p>A schedule in which a thread blocks on a lock held by a thread waiting at a marker asks for an order the
 * locks forbid; no real run takes it. It is counted in {@link ExplorationResult#executions()}, skipped, and named
 * in the explanation. A schedule that cannot be followed because a thread's markers are not the ones given (a
 * mistyped marker, a marker the thread never reaches) makes {@link #run()} throw a {@link ScheduleException}
 * that names the thread and the marker.
 *
 * <p>Every option is checked when it is set; an invalid one throws {@link IllegalArgumentException}.
 *
 * @param <S> the type of the state the threads share
 * @since 0.1.0
 */
public final class MarkerExploration<S> {

	/** The default of {@link #maxExecutions(long)}. */
	public static final long DEFAULT_MAX_EXECUTIONS = 1_000_000;
	/** The default of {@link #timeoutPerExecution(Duration)}. */
	public static final Duration DEFAULT_TIMEOUT_PER_EXECUTION = Duration.ofSeconds(5);

	private final Supplier<? extends S> setup;
	private final List<MarkerExplorer.ThreadSpec<S>> threads = new ArrayList<>();
	private final Set<String> names = new LinkedHashSet<>();
	private Predicate<? super S> invariant = state -> true;
	private boolean stopOnFirst = true;
	private Duration timeoutPerExecution = DEFAULT_TIMEOUT_PER_EXECUTION;
	private long maxExecutions = DEFAULT_MAX_EXECUTIONS;

	MarkerExploration(Supplier<? extends S> setup) {
		this.setup = Objects.requireNonNull(setup, "setup");
	}

	/**
	 * Adds a thread. Threads are numbered from 0 in the order they are added, which is the index
	 * {@link ExplorationResult.Failure#schedule()} gives for each step.
	 *
	 * @param name the thread's name, as the schedules' steps give it; unique in this exploration
	 * @param body what the thread does with the state
	 * @param markers the markers the thread passes, in the order it passes them, at least one; a marker passed
	 *        again (in a loop) is given once per pass
	 * @return this exploration
	 * @throws IllegalArgumentException if the name is blank or taken, or no marker or a blank one is given
	 */
	public MarkerExploration<S> thread(String name, Consumer<? super S> body, String... markers) {
		Objects.requireNonNull(body, "thread body");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A thread needs a name, as schedules refer to threads by name; got "
					+ (name == null ? "null" : "a blank one"));
		}
		if (names.contains(name)) {
			throw new IllegalArgumentException("Thread name '" + name + "' is used twice: give each thread of a "
					+ "marker exploration its own name, as the schedules' steps refer to threads by name");
		}
		if (markers == null || markers.length == 0) {
			throw new IllegalArgumentException("Thread '" + name + "' needs at least one marker: give the markers it "
					+ "passes, in order, as in .thread(\"" + name + "\", body, \"read_balance\", \"write_balance\")");
		}
		for (String marker : markers) {
			Step.of(name, marker);
		}
		names.add(name);
		threads.add(new MarkerExplorer.ThreadSpec<>(name, body, List.of(markers)));
		return this;
	}

	/**
	 * Sets the invariant, checked after all threads of an execution have finished. It may return {@code false} or
	 * throw (an {@link AssertionError} from a plain {@code assert} included); both are violations, and the message
	 * of what it threw goes into the explanation. Without one, only a thread that throws is a violation.
	 *
	 * @param invariant what must hold of the final state
	 * @return this exploration
	 */
	public MarkerExploration<S> invariant(Predicate<? super S> invariant) {
		this.invariant = Objects.requireNonNull(invariant, "invariant");
		return this;
	}

	/**
	 * Sets whether to stop at the first violation (the default) or to run every schedule and collect them all.
	 *
	 * @param stopOnFirst {@code false} to run on after a violation
	 * @return this exploration
	 */
	public MarkerExploration<S> stopOnFirst(boolean stopOnFirst) {
		this.stopOnFirst = stopOnFirst;
		return this;
	}

	/**
	 * Bounds each execution; one that does not finish in time stops the search with the verdict
	 * {@link Verdict#INCONCLUSIVE} and where each thread was.
	 *
	 * @param timeout positive; default 5 seconds
	 * @return this exploration
	 */
	public MarkerExploration<S> timeoutPerExecution(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeoutPerExecution must be a positive duration, got " + timeout);
		}
		this.timeoutPerExecution = timeout;
		return this;
	}

	/**
	 * Caps the number of schedules run; reaching the cap before every schedule ran makes the verdict
	 * {@link Verdict#INCONCLUSIVE} unless a violation was found, and {@link ExplorationResult#exhausted()}
	 * {@code false}.
	 *
	 * @param maxExecutions at least 1; default {@value #DEFAULT_MAX_EXECUTIONS}
	 * @return this exploration
	 */
	public MarkerExploration<S> maxExecutions(long maxExecutions) {
		if (maxExecutions < 1) {
			throw new IllegalArgumentException("maxExecutions must be at least 1, got " + maxExecutions);
		}
		this.maxExecutions = maxExecutions;
		return this;
	}

	/**
	 * Returns the number of schedules a complete run executes: the multinomial coefficient of the threads' marker
	 * counts.
	 *
	 * @return (k₁+k₂+...)!/(k₁!·k₂!·...), 0 without threads
	 */
	public BigInteger scheduleCount() {
		return threads.isEmpty() ? BigInteger.ZERO : spec().schedules().count();
	}

	/**
	 * Returns the schedules {@link #run()} executes, in the order it executes them, enumerated lazily.
	 *
	 * @return the schedules
	 */
	public Iterable<Schedule> schedules() {
		MarkerSchedules merges = spec().schedules();
		return () -> new Iterator<>() {
			private final Iterator<List<Integer>> threadIndexes = merges.iterator();

			@Override
			public boolean hasNext() {
				return threadIndexes.hasNext();
			}

			@Override
			public Schedule next() {
				return merges.schedule(threadIndexes.next());
			}
		};
	}

	/**
	 * Returns the schedule of a failure found by this exploration, to replay it with a {@link TraceExecutor}.
	 *
	 * @param failure one of {@link ExplorationResult#failures()} of this exploration's result
	 * @return the schedule, the same one its explanation prints as code
	 * @throws IllegalArgumentException if the failure's thread indexes are not a schedule of this exploration
	 */
	public Schedule scheduleOf(ExplorationResult.Failure failure) {
		return spec().schedules().schedule(failure.schedule());
	}

	/**
	 * Runs every schedule, or until the first violation with {@link #stopOnFirst(boolean)}.
	 *
	 * @return the result
	 * @throws IllegalStateException if no thread was added, or if the setup throws
	 * @throws ScheduleException if a schedule cannot be followed because a thread does not pass the markers given
	 *         for it, in that order; the message names the schedule, the thread and the marker
	 */
	public ExplorationResult run() {
		AgentRequirement.require("Frontrun.exploreMarkers");
		if (threads.isEmpty()) {
			throw new IllegalStateException("A marker exploration needs at least one thread: add them with "
					+ ".thread(name, body, markers...)");
		}
		return MarkerExplorer.run(spec());
	}

	private MarkerExplorer.Spec<S> spec() {
		return new MarkerExplorer.Spec<>(setup, threads, invariant, stopOnFirst, timeoutPerExecution, maxExecutions);
	}
}
