package dev.frontrun.internal.explore;

import dev.frontrun.Strategy;
import dev.frontrun.internal.engine.SearchOrder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Everything an exploration was configured with, checked, as the public builder hands it to the explorer.
 *
 * @param <S> the type of the shared state
 * @param setup makes a fresh state for each execution
 * @param threads the thread bodies, by thread index
 * @param invariant what must hold after all threads finish
 * @param strategy how interleavings are chosen
 * @param maxExecutions the execution budget
 * @param preemptionBound the preemption bound, or {@code null}
 * @param stopOnFirst whether to stop at the first violation
 * @param reproduceOnFailure how often to replay the failure
 * @param timeoutPerExecution the bound on one execution
 * @param totalTimeout the bound on the whole exploration
 * @param tracePackages extra globs of classes to instrument
 * @param search the order in which DPOR takes alternatives
 */
public record ExplorationSpec<S>(Supplier<? extends S> setup, List<Consumer<? super S>> threads,
		Predicate<? super S> invariant, Strategy strategy, long maxExecutions, Integer preemptionBound,
		boolean stopOnFirst, int reproduceOnFailure, Duration timeoutPerExecution, Duration totalTimeout,
		List<String> tracePackages, SearchOrder search) {
}
