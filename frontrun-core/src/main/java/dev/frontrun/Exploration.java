package dev.frontrun;

import dev.frontrun.internal.explore.ExplorationSpec;
import dev.frontrun.internal.explore.Explorer;
import dev.frontrun.internal.engine.SearchOrder;
import dev.frontrun.internal.runtime.AgentRequirement;
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
 * option, the value and what is allowed.
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
	 * @param strategy such as {@link Strategy#dpor()}, the default
	 * @return this exploration
	 */
	public Exploration<S> strategy(Strategy strategy) {
		this.strategy = Objects.requireNonNull(strategy, "strategy");
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
	 * Adds library classes to what frontrun instruments, beyond the project's own classes.
	 *
	 * @param globs globs of class names such as {@code com.acme.*}
	 * @return this exploration
	 */
	public Exploration<S> tracePackages(String... globs) {
		this.tracePackages = List.of(globs);
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
		return Explorer.run(new ExplorationSpec<S>(setup, List.copyOf(threads), invariant, strategy, maxExecutions,
				preemptionBound, stopOnFirst, reproduceOnFailure, timeoutPerExecution, totalTimeout, tracePackages,
				search));
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
