package dev.frontrun;

import dev.frontrun.internal.runtime.AgentRuntime;
import dev.frontrun.internal.runtime.Hooks;
import java.util.function.Supplier;

/**
 * Entry points of frontrun that are not tied to one executor.
 *
 * @since 0.1.0
 */
public final class Frontrun {

	/** The system property the agent sets to its version when it is attached. */
	public static final String AGENT_VERSION_PROPERTY = "frontrun.agent.version";

	private Frontrun() {
	}

	/**
	 * Gates the calling thread at the marker {@code name}, exactly as a {@code // frontrun: name} comment
	 * does, for code whose sources frontrun cannot read.
	 *
	 * <p>In a thread run by a {@link TraceExecutor} this pauses until the schedule's next step is (this
	 * thread, {@code name}); in any other thread, and once the schedule is consumed, it returns at once.
	 *
	 * @param name the marker's name
	 */
	public static void marker(String name) {
		Hooks.marker(name);
	}

	/**
	 * Starts describing an exploration of every meaningfully different interleaving of some threads.
	 *
	 * <pre>{@code
	 * ExplorationResult result = Frontrun.explore(Counter::new)
	 *         .thread(c -> c.increment())
	 *         .thread(c -> c.increment())
	 *         .invariant(c -> c.value == 2)
	 *         .run();
	 * }</pre>
	 *
	 * @param <S> the type of the state the threads share
	 * @param setup makes a fresh state for each execution; it runs outside the exploration
	 * @return the exploration, to add threads and options to
	 */
	public static <S> Exploration<S> explore(Supplier<? extends S> setup) {
		return new Exploration<>(setup);
	}

	/**
	 * Starts describing a marker-schedule exploration: named threads with the trace markers each passes, run under
	 * every order-preserving merge of their markers.
	 *
	 * <pre>{@code
	 * ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
	 *         .thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
	 *         .thread("thread2", a -> a.transfer(50), "read_balance", "write_balance")
	 *         .invariant(a -> a.balance == 200)
	 *         .run();
	 * }</pre>
	 *
	 * @param <S> the type of the state the threads share
	 * @param setup makes a fresh state for each schedule
	 * @return the exploration, to add threads and options to
	 */
	public static <S> MarkerExploration<S> exploreMarkers(Supplier<? extends S> setup) {
		return new MarkerExploration<>(setup);
	}

	/**
	 * Tells whether the frontrun java agent is attached to this JVM, which every exploration needs.
	 *
	 * @return {@code true} when the test runs under {@code mvn frontrun:test} or with the agent on the
	 *         command line
	 */
	public static boolean isAgentActive() {
		return AgentRuntime.isActive();
	}
}
