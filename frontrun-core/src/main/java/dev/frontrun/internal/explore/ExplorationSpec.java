package dev.frontrun.internal.explore;

import dev.frontrun.Strategy;
import dev.frontrun.internal.report.TestIdentity;
import dev.frontrun.internal.engine.SearchOrder;
import java.nio.file.Path;
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
 * @param maxAttempts how many schedules a sampling strategy runs
 * @param maxOps the most scheduling points an execution of a sampling strategy may take
 * @param replayFile the replay file to run instead of exploring, or {@code null}
 * @param test the test that runs the exploration, or {@code null} when unknown
 * @param exploration which exploration of that test this is, from 1
 */
public record ExplorationSpec<S>(Supplier<? extends S> setup, List<Consumer<? super S>> threads,
		Predicate<? super S> invariant, Strategy strategy, long maxExecutions, Integer preemptionBound,
		boolean stopOnFirst, int reproduceOnFailure, Duration timeoutPerExecution, Duration totalTimeout,
		List<String> tracePackages, SearchOrder search, int maxAttempts, int maxOps, Path replayFile,
		TestIdentity test, int exploration) {
}
