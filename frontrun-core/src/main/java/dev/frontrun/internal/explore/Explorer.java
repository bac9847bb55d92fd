package dev.frontrun.internal.explore;

import dev.frontrun.ExplorationResult;
import dev.frontrun.ExplorationResult.Failure;
import dev.frontrun.Verdict;
import dev.frontrun.internal.engine.DporExplorer;
import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.engine.ExplorerOptions;
import dev.frontrun.internal.engine.Step;
import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an exploration with the DPOR engine: one controlled execution after another until the engine has explored
 * every trace, a violation stops it, or a budget runs out; then judges the verdict and explains it.
 *
 * <p>A pass is a certificate: the verdict is {@link Verdict#HOLDS} only when no violation was found and nothing cut
 * the search; a budget, a bound, or a thread that blocked where frontrun cannot see makes it
 * {@link Verdict#INCONCLUSIVE}, with how far the search got.
 */
public final class Explorer {

	private static final String APPROACH = "dpor";

	private Explorer() {
	}

	/**
	 * Runs an exploration.
	 *
	 * @param <S> the type of the shared state
	 * @param spec what to explore
	 * @return the result
	 */
	public static <S> ExplorationResult run(ExplorationSpec<S> spec) {
		DporExplorer engine = new DporExplorer(new ExplorerOptions(spec.preemptionBound(),
				spec.search(), spec.maxExecutions()));
		HookHandler passThrough = Hooks.handler();
		Explanations explanations = new Explanations();
		long deadline = System.nanoTime() + spec.totalTimeout().toNanos();
		List<Failure> failures = new ArrayList<>();
		List<Step> failingSchedule = null;
		String firstExplanation = null;
		String cutShort = null;
		while (cutShort == null) {
			if (System.nanoTime() > deadline) {
				cutShort = "the total timeout of " + spec.totalTimeout().toSeconds() + " s ran out";
				break;
			}
			if (!engine.beginExecution()) {
				break;
			}
			long number = engine.executions() + 1;
			S state = setUp(spec, number);
			ControlledExecution execution = new ControlledExecution(engine, passThrough, state);
			ControlledExecution.Outcome outcome = execution.run(state, spec.threads(),
					spec.timeoutPerExecution().toNanos());
			if (outcome.stuck() != null) {
				cutShort = "execution " + number + " was abandoned: " + outcome.stuck();
				break;
			}
			String violation = explanations.violation(outcome, outcome.resources(),
					() -> checkInvariant(spec, state), number);
			if (violation != null) {
				failures.add(new Failure(number, schedule(outcome.report()), violation));
				if (firstExplanation == null) {
					firstExplanation = violation;
					failingSchedule = outcome.report().schedule();
				}
				if (spec.stopOnFirst()) {
					break;
				}
			}
		}
		long executions = engine.executions();
		boolean exhausted = cutShort == null && engine.exhausted() && failures.isEmpty();
		ExplorationResult result;
		if (!failures.isEmpty()) {
			int attempts = spec.reproduceOnFailure();
			int reproduced = reproduce(spec, failingSchedule, attempts, passThrough);
			String explanation = firstExplanation + (attempts == 0 ? "" : "\n\n  Reproduced " + reproduced + "/"
					+ attempts + " times (" + reproduced * 100 / attempts + "%)");
			result = new ExplorationResult(Verdict.VIOLATED, explanation, executions, false, failures, reproduced,
					attempts);
		} else if (cutShort != null || !engine.exhausted()) {
			String why = cutShort != null ? cutShort
					: "a bound cut the search (maxExecutions " + spec.maxExecutions()
							+ (spec.preemptionBound() == null ? "" : ", preemptionBound " + spec.preemptionBound())
							+ ")";
			result = new ExplorationResult(Verdict.INCONCLUSIVE, "Inconclusive after " + executions + " interleavings: "
					+ why + ". No violation was found in the interleavings explored.", executions, false, failures, 0,
					0);
		} else {
			result = new ExplorationResult(Verdict.HOLDS, "The invariant held in all " + executions
					+ " interleavings (exhausted: every interleaving was covered).", executions, exhausted, failures, 0,
					0);
		}
		TestRunLog.record(APPROACH, result.verdict().name(), result.propertyHolds() ? null : result.explanation(),
				executions);
		return result;
	}

	/** Replays a failing schedule on fresh states; returns how many replays failed again. */
	private static <S> int reproduce(ExplorationSpec<S> spec, List<Step> schedule, int attempts,
			HookHandler passThrough) {
		Explanations explanations = new Explanations();
		int reproduced = 0;
		for (int attempt = 0; attempt < attempts; attempt++) {
			DporExplorer replay = DporExplorer.replaying(schedule);
			replay.beginExecution();
			S state = setUp(spec, attempt + 1);
			ControlledExecution execution = new ControlledExecution(replay, passThrough, state);
			ControlledExecution.Outcome outcome = execution.run(state, spec.threads(),
					spec.timeoutPerExecution().toNanos());
			if (outcome.stuck() == null && explanations.violation(outcome, outcome.resources(),
					() -> checkInvariant(spec, state), 1) != null) {
				reproduced++;
			}
		}
		return reproduced;
	}

	private static <S> S setUp(ExplorationSpec<S> spec, long number) {
		try {
			return spec.setup().get();
		} catch (RuntimeException | Error e) {
			throw new IllegalStateException("The setup threw in execution " + number + ": " + e
					+ ". Fix the setup: it must build a fresh state for every execution.", e);
		}
	}

	/** Returns {@code null} when the invariant holds, else what it said. */
	private static <S> String checkInvariant(ExplorationSpec<S> spec, S state) {
		try {
			return spec.invariant().test(state) ? null : "the invariant returned false";
		} catch (AssertionError e) {
			return "the invariant failed: " + e;
		} catch (RuntimeException e) {
			return "the invariant threw " + e;
		}
	}

	private static List<Integer> schedule(ExecutionReport report) {
		List<Integer> threads = new ArrayList<>();
		for (Step step : report.schedule()) {
			threads.add(step.thread());
		}
		return threads;
	}
}
