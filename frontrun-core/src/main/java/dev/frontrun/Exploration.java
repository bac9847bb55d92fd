package dev.frontrun;

import dev.frontrun.internal.agent.AgentOptions;
import dev.frontrun.internal.engine.SearchOrder;
import dev.frontrun.internal.explore.ExplorationSpec;
import dev.frontrun.internal.explore.Explorer;
import dev.frontrun.internal.report.TestIdentity;
import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.AgentRequirement;
import dev.frontrun.internal.runtime.AgentRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Describes an exploration: a fresh state for each execution, the threads that act on it, the invariant that must
 * hold after they finish, and how to search. Built by {@link Frontrun#explore(Supplier)}; {@link #run()} runs it.
 *
 * <pre>{@code
 * ExplorationResult result = Frontrun.explore(Counter::new)
 *         .thread(c -> c.increment())
 *         .thread(c -> c.increment())
 *         .invariant(c -> c.value == 2)
 *         .run();
 * assertTrue(result.propertyHolds(), result.explanation());
 * }</pre>
 *
 * <p>Every option is checked when it is set; an invalid one throws {@link IllegalArgumentException} naming the
 * option, the value and what is allowed. So is an option that the chosen {@link Strategy} would ignore:
 * {@link #maxExecutions}, {@link #preemptionBound} and {@link #search} belong to DPOR, {@link #maxAttempts} and
 * {@link #maxOps} to the sampling strategies (random, PCT, POS), whichever of the option and the strategy is set
 * first.
 *
 * <p><b>Verdicts.</b> DPOR's {@link Verdict#HOLDS} is a proof for every interleaving when
 * {@link ExplorationResult#exhausted()} is true. A sampling strategy's HOLDS means that none of the
 * {@link #maxAttempts} sampled schedules failed: a pass over a sample, not a proof, and {@code exhausted()} is
 * never true for it. Either way {@link Verdict#INCONCLUSIVE} means an execution had to be abandoned (a thread
 * blocked where frontrun cannot see, the per-execution timeout, {@link #maxOps}) or a budget ran out first.
 *
 * <p><b>Counterexamples.</b> A {@link Verdict#VIOLATED} result carries the failing interleaving,
 * {@link ExplorationResult#replaySchedule()}, shrunk first to the fewest preemptions and then to the fewest steps
 * that still fail the same way; the explanation says how many preemptions it has. When the system property
 * {@code frontrun.dataDirectory} is set (as {@code mvn frontrun:test} sets it), the schedule is written to
 * {@code <dataDirectory>/replay/<class>.<method>.json} and the explanation ends with the command that replays it.
 * {@link #replay(Path)} or the system property {@code frontrun.replay} replays such a file.
 *
 * @param <S> the type of the state the threads share
 * @since 0.1.0
 */
public final class Exploration<S> {

	/** The default of {@link #maxExecutions(long)}: enough for 3 threads of 5 atomic increments each. */
	public static final long DEFAULT_MAX_EXECUTIONS = 1_000_000;
	/** The default of {@link #totalTimeout(Duration)}. */
	public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(10);
	/** The default of {@link #timeoutPerExecution(Duration)}. */
	public static final Duration DEFAULT_TIMEOUT_PER_EXECUTION = Duration.ofSeconds(5);
	/** The default of {@link #reproduceOnFailure(int)}. */
	public static final int DEFAULT_REPRODUCE_ON_FAILURE = 10;
	/** The default of {@link #maxAttempts(int)}. */
	public static final int DEFAULT_MAX_ATTEMPTS = 200;
	/** The default of {@link #maxOps(int)}. */
	public static final int DEFAULT_MAX_OPS = 10_000;
	/** The system property naming a replay file to run instead of exploring; see {@link #replay(Path)}. */
	public static final String REPLAY_PROPERTY = "frontrun.replay";

	private final Supplier<? extends S> setup;
	private final List<Consumer<? super S>> threads = new ArrayList<>();
	private Predicate<? super S> invariant = state -> true;
	private Strategy strategy = Strategy.dpor();
	private long maxExecutions = DEFAULT_MAX_EXECUTIONS;
	private Integer preemptionBound;
	private boolean stopOnFirst = true;
	private int reproduceOnFailure = DEFAULT_REPRODUCE_ON_FAILURE;
	private Duration timeoutPerExecution = DEFAULT_TIMEOUT_PER_EXECUTION;
	private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
	private List<String> tracePackages = List.of();
	private SearchOrder search = SearchOrder.dfs();
	private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
	private int maxOps = DEFAULT_MAX_OPS;
	private Path replayFile;
	private boolean maxExecutionsSet;
	private boolean searchSet;
	private boolean maxAttemptsSet;
	private boolean maxOpsSet;

	Exploration(Supplier<? extends S> setup) {
		this.setup = Objects.requireNonNull(setup, "setup");
	}

	/**
	 * Adds a thread. Threads are numbered from 0 in the order they are added; explanations name them so.
	 *
	 * @param body what the thread does with the state
	 * @return this exploration
	 */
	public Exploration<S> thread(Consumer<? super S> body) {
		threads.add(Objects.requireNonNull(body, "thread body"));
		return this;
	}

	/**
	 * Sets the invariant, checked after all threads of an execution have finished. It may return
	 * {@code false} or throw (an {@link AssertionError} from a plain {@code assert} included); both are
	 * violations, and the message of what it threw goes into the explanation. Without one, only exceptions and
	 * deadlocks are violations.
	 *
	 * @param invariant what must hold of the final state
	 * @return this exploration
	 */
	public Exploration<S> invariant(Predicate<? super S> invariant) {
		this.invariant = Objects.requireNonNull(invariant, "invariant");
		return this;
	}

	/**
	 * Sets the strategy.
	 *
	 * @param strategy {@link Strategy#dpor()}, the default, or a sampling strategy: {@link Strategy#random(long)},
	 *        {@link Strategy#pct(int, long)}, {@link Strategy#pos(long)}
	 * @return this exploration
	 * @throws IllegalArgumentException if an option already set does not apply to it
	 */
	public Exploration<S> strategy(Strategy strategy) {
		this.strategy = Objects.requireNonNull(strategy, "strategy");
		checkOptionsApply();
		return this;
	}

	/**
	 * Sets how many schedules a sampling strategy runs. Running them all without a violation is a
	 * {@link Verdict#HOLDS} over the sample, not a proof.
	 *
	 * @param maxAttempts at least 1; default {@value #DEFAULT_MAX_ATTEMPTS}
	 * @return this exploration
	 * @throws IllegalArgumentException if the strategy is DPOR, which uses {@link #maxExecutions(long)}
	 */
	public Exploration<S> maxAttempts(int maxAttempts) {
		this.maxAttempts = (int) atLeast("maxAttempts", maxAttempts, 1);
		this.maxAttemptsSet = true;
		checkOptionsApply();
		return this;
	}

	/**
	 * Bounds the scheduling points of one execution of a sampling strategy. An execution that reaches the bound is
	 * abandoned and the verdict is {@link Verdict#INCONCLUSIVE} (unless a violation was found first): a schedule
	 * that starves a thread in a spin loop can run for ever, which a fair schedule would not.
	 *
	 * @param maxOps at least 1; default {@value #DEFAULT_MAX_OPS}
	 * @return this exploration
	 * @throws IllegalArgumentException if the strategy is DPOR
	 */
	public Exploration<S> maxOps(int maxOps) {
		this.maxOps = (int) atLeast("maxOps", maxOps, 1);
		this.maxOpsSet = true;
		checkOptionsApply();
		return this;
	}

	/**
	 * Runs the interleaving recorded in a replay file instead of exploring: exactly that schedule, step by step (set
	 * a breakpoint, and the debugger stops in it as in any test). Where the code no longer does what a step
	 * recorded, the verdict is {@link Verdict#INCONCLUSIVE} with "the recorded schedule no longer applies" and where,
	 * never a silently different interleaving. If the failure happens again the verdict is
	 * {@link Verdict#VIOLATED} with the explanation; if the schedule runs through and the invariant holds, it is
	 * {@link Verdict#HOLDS} for that one interleaving. The strategy and its options are not used.
	 *
	 * <p>The system property {@value #REPLAY_PROPERTY} does the same for the exploration that recorded the file (the
	 * file names its test and which of the test's explorations it was), without changing the test:
	 * {@code mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay=target/frontrun/replay/...json}.
	 *
	 * @param file a replay file, as {@link ReplaySchedule#write(Path)} writes them
	 * @return this exploration
	 * @throws IllegalArgumentException if the file does not exist
	 */
	public Exploration<S> replay(Path file) {
		Objects.requireNonNull(file, "file");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("replay: " + file.toAbsolutePath() + " is not a file");
		}
		this.replayFile = file;
		return this;
	}

	/**
	 * Caps the number of executions; reaching the cap before the space is exhausted makes the verdict
	 * {@link Verdict#INCONCLUSIVE} unless a violation was found.
	 *
	 * @param maxExecutions at least 1; default {@value #DEFAULT_MAX_EXECUTIONS}
	 * @return this exploration
	 */
	public Exploration<S> maxExecutions(long maxExecutions) {
		this.maxExecutions = atLeast("maxExecutions", maxExecutions, 1);
		this.maxExecutionsSet = true;
		checkOptionsApply();
		return this;
	}

	/**
	 * Bounds the number of preemptions (switches away from a thread that could have gone on) per execution.
	 * A bound is an explicit choice to trade completeness for time: with one, {@link ExplorationResult#exhausted()}
	 * is {@code false} whenever the bound cut anything.
	 *
	 * @param preemptionBound at least 0, or {@code null} for no bound (the default)
	 * @return this exploration
	 */
	public Exploration<S> preemptionBound(Integer preemptionBound) {
		if (preemptionBound != null) {
			atLeast("preemptionBound", preemptionBound, 0);
		}
		this.preemptionBound = preemptionBound;
		checkOptionsApply();
		return this;
	}

	/**
	 * Sets whether to stop at the first violation (the default) or to collect them all.
	 *
	 * @param stopOnFirst {@code false} to explore on after a violation
	 * @return this exploration
	 */
	public Exploration<S> stopOnFirst(boolean stopOnFirst) {
		this.stopOnFirst = stopOnFirst;
		return this;
	}

	/**
	 * Sets how many times the failing schedule is replayed to measure how reliably it reproduces.
	 *
	 * @param reproduceOnFailure at least 0 (0 skips it); default {@value #DEFAULT_REPRODUCE_ON_FAILURE}
	 * @return this exploration
	 */
	public Exploration<S> reproduceOnFailure(int reproduceOnFailure) {
		this.reproduceOnFailure = (int) atLeast("reproduceOnFailure", reproduceOnFailure, 0);
		return this;
	}

	/**
	 * Bounds each execution; a thread that does not finish in time makes the verdict
	 * {@link Verdict#INCONCLUSIVE}, with where it was.
	 *
	 * @param timeout positive; default 5 seconds
	 * @return this exploration
	 */
	public Exploration<S> timeoutPerExecution(Duration timeout) {
		this.timeoutPerExecution = positive("timeoutPerExecution", timeout);
		return this;
	}

	/**
	 * Bounds the whole exploration; running out of time before the space is exhausted makes the verdict
	 * {@link Verdict#INCONCLUSIVE} unless a violation was found.
	 *
	 * @param timeout positive; default 10 minutes
	 * @return this exploration
	 */
	public Exploration<S> totalTimeout(Duration timeout) {
		this.totalTimeout = positive("totalTimeout", timeout);
		return this;
	}

	/**
	 * Adds library classes to what frontrun instruments, beyond the project's own classes, from the moment
	 * {@link #run()} starts. A class is instrumented when it is loaded, so {@code run()} fails, naming them, when
	 * classes that match were loaded earlier; name those before the test JVM starts instead, with the plugin's
	 * {@code tracePackages} parameter ({@code -Dfrontrun.tracePackages}).
	 *
	 * @param globs globs of dotted class names, such as {@code com.acme.*}
	 * @return this exploration
	 * @throws IllegalArgumentException if a glob is not a glob of class names
	 */
	public Exploration<S> tracePackages(String... globs) {
		this.tracePackages = new AgentOptions(List.of(), List.of(globs)).tracePackages();
		return this;
	}

	/**
	 * Sets the order in which DPOR takes the alternatives it must explore: {@code dfs} (the default, and the only
	 * one that guarantees the minimum number of executions), {@code bit-reversal}, {@code round-robin},
	 * {@code stride} or {@code conflict-first}; the first three of the others take a seed, as in
	 * {@code bit-reversal:42}. The others find bugs sooner in large spaces with a small budget.
	 *
	 * @param search the search order
	 * @return this exploration
	 */
	public Exploration<S> search(String search) {
		this.search = SearchOrder.parse(search);
		this.searchSet = true;
		checkOptionsApply();
		return this;
	}

	/**
	 * Runs the exploration.
	 *
	 * @return the result
	 * @throws IllegalStateException if no thread was added
	 */
	public ExplorationResult run() {
		AgentRequirement.require("Frontrun.explore");
		if (threads.isEmpty()) {
			throw new IllegalStateException("An exploration needs at least one thread: add them with .thread(...)");
		}
		List<String> late = AgentRuntime.traceAlso(tracePackages);
		if (!late.isEmpty()) {
			throw new IllegalStateException("tracePackages " + tracePackages + " came too late for classes already "
					+ "loaded uninstrumented: " + String.join(", ", late) + ". Name them before the test JVM starts: "
					+ "<tracePackages> in the frontrun-maven-plugin configuration, or -Dfrontrun.tracePackages=...");
		}
		TestIdentity test = TestRunLog.currentTest();
		if (test == null) {
			test = TestIdentity.fromStack().orElse(null);
		}
		int exploration = TestRunLog.countExploration();
		if (exploration == 0) {
			exploration = test == null ? 1 : TestIdentity.countExploration(test);
		}
		return Explorer.run(new ExplorationSpec<S>(setup, List.copyOf(threads), invariant, strategy, maxExecutions,
				preemptionBound, stopOnFirst, reproduceOnFailure, timeoutPerExecution, totalTimeout, tracePackages,
				search, maxAttempts, maxOps, replayFile, test, exploration));
	}

	/** Fails when an option set so far belongs to the other kind of strategy than the chosen one. */
	private void checkOptionsApply() {
		if (strategy.isSampling()) {
			String advice = " Remove it, or choose Strategy.dpor().";
			if (maxExecutionsSet) {
				throw ignored("maxExecutions", "DPOR's budget; a sampling strategy runs maxAttempts schedules, so use "
						+ "maxAttempts(...) instead.");
			}
			if (preemptionBound != null) {
				throw ignored("preemptionBound", "a bound on DPOR's search." + advice);
			}
			if (searchSet) {
				throw ignored("search", "the order of DPOR's search." + advice);
			}
		} else {
			String advice = " Remove it, or choose Strategy.random(seed), pct(depth, seed) or pos(seed).";
			if (maxAttemptsSet) {
				throw ignored("maxAttempts", "the number of schedules a sampling strategy runs; DPOR's budget is "
						+ "maxExecutions(...)." + advice);
			}
			if (maxOpsSet) {
				throw ignored("maxOps", "a bound on the scheduling points of a sampled execution." + advice);
			}
		}
	}

	private IllegalArgumentException ignored(String option, String what) {
		return new IllegalArgumentException(option + " does not apply to the strategy " + strategy + ", which would "
				+ "ignore it: " + option + " is " + what);
	}

	private static long atLeast(String option, long value, long minimum) {
		if (value < minimum) {
			throw new IllegalArgumentException(option + " must be at least " + minimum + ", got " + value);
		}
		return value;
	}

	private static Duration positive(String option, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(option + " must be a positive duration, got " + value);
		}
		return value;
	}
}
