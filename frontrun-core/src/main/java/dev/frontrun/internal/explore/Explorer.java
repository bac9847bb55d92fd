package dev.frontrun.internal.explore;

import dev.frontrun.Exploration;
import dev.frontrun.ExplorationResult;
import dev.frontrun.ExplorationResult.Failure;
import dev.frontrun.ReplaySchedule;
import dev.frontrun.Verdict;
import dev.frontrun.internal.engine.DporExplorer;
import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.engine.ExplorerOptions;
import dev.frontrun.internal.engine.GuidedScheduler;
import dev.frontrun.internal.engine.Sampler;
import dev.frontrun.internal.engine.SamplingScheduler;
import dev.frontrun.internal.engine.ScheduleReplay;
import dev.frontrun.internal.engine.Scheduler;
import dev.frontrun.internal.engine.Step;
import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an exploration: one controlled execution after another, each under a scheduler that the strategy provides
 * (the DPOR engine, which explores every trace once, or a sampler of random, PCT or POS schedules), until the
 * strategy has nothing left, a violation stops it, or a budget runs out; then judges the verdict, shrinks the
 * counterexample and explains it.
 *
 * <p>Verdicts: a violation is {@link Verdict#VIOLATED}. Otherwise DPOR's verdict is {@link Verdict#HOLDS} only when
 * nothing cut the search, which is then a certificate for every interleaving; a sampling strategy's is
 * {@link Verdict#HOLDS} when all its attempts ran, a pass over a sample that the explanation words as such. An
 * abandoned execution (a thread that blocked where frontrun cannot see, the per-execution timeout, a sampled
 * execution that reached maxOps) or the total timeout make it {@link Verdict#INCONCLUSIVE}, as does, for DPOR, a
 * bound or budget that cut the search.
 */
public final class Explorer {

	/** The most executions that shrinking a counterexample may run. */
	static final int SHRINK_BUDGET = 400;

	private static final String DIVERGED = "the replayed schedule no longer applies: ";

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
		return new Run<>(spec).run();
	}

	/** One exploration as it runs. */
	private static final class Run<S> {

		private final ExplorationSpec<S> spec;
		private final HookHandler passThrough = Hooks.handler();
		private final Explanations explanations = new Explanations();
		private final BodyThreads bodyThreads = new BodyThreads();
		private final long deadline;

		Run(ExplorationSpec<S> spec) {
			this.spec = spec;
			this.deadline = System.nanoTime() + spec.totalTimeout().toNanos();
		}

		/** An execution that ran: its state, what happened, and the violation if there was one. */
		private record Attempt<S>(S state, ControlledExecution.Outcome outcome, Scheduler scheduler,
				String violation, String kind) {

			boolean abandoned() {
				return outcome.stuck() != null;
			}

			boolean cutOff() {
				return outcome.report().outcome() == ExecutionReport.Outcome.ABANDONED;
			}
		}

		/** Where the schedulers of an exploration come from. */
		private interface Source {

			/** The scheduler of the next execution, or {@code null} when there is none. */
			Scheduler next();

			/** How many executions have begun. */
			long begun();
		}

		ExplorationResult run() {
			Path replay = replayFile();
			String approach;
			ExplorationResult result;
			try (bodyThreads) {
				if (replay != null) {
					approach = "replay";
					result = replay(replay);
				} else if (spec.strategy().isSampling()) {
					approach = spec.strategy().name();
					result = sample();
				} else {
					approach = "dpor";
					result = dpor();
				}
			}
			TestRunLog.record(approach, result.verdict().name(), result.propertyHolds() ? null : result.explanation(),
					result.executions());
			result.replayFile().ifPresent(file -> TestRunLog.recordReplay(file.toString(),
					ReplayFiles.command(spec.test(), file)));
			return result;
		}

		// ------------------------------------------------------------------------------------------ strategies

		private ExplorationResult dpor() {
			DporExplorer engine = new DporExplorer(new ExplorerOptions(spec.preemptionBound(), spec.search(),
					spec.maxExecutions()));
			Search search = search(new Source() {

				@Override
				public Scheduler next() {
					return engine.beginExecution() ? engine : null;
				}

				@Override
				public long begun() {
					return engine.executions() + 1;
				}
			});
			long executions = engine.executions();
			if (search.first != null) {
				return violated(search, executions);
			}
			if (search.cutShort != null || !engine.exhausted()) {
				String why = search.cutShort != null ? search.cutShort
						: "a bound cut the search (maxExecutions " + spec.maxExecutions()
								+ (spec.preemptionBound() == null ? "" : ", preemptionBound " + spec.preemptionBound())
								+ ")";
				return new ExplorationResult(Verdict.INCONCLUSIVE, "Inconclusive after " + executions
						+ " interleavings: " + why + ". No violation was found in the interleavings explored.",
						executions, false, search.failures, 0, 0);
			}
			return new ExplorationResult(Verdict.HOLDS, "The invariant held in all " + executions
					+ " interleavings (exhausted: every interleaving was covered).", executions, true, search.failures,
					0, 0);
		}

		private ExplorationResult sample() {
			Sampler sampler = switch (spec.strategy().name()) {
			case "random" -> Sampler.random(spec.strategy().seed().getAsLong(), spec.maxOps());
			case "pct" -> Sampler.pct(spec.strategy().depth().getAsInt(), spec.strategy().seed().getAsLong(),
					spec.maxOps());
			case "pos" -> Sampler.pos(spec.strategy().seed().getAsLong(), spec.maxOps());
			default -> throw new IllegalStateException("Not a sampling strategy: " + spec.strategy());
			};
			Search search = search(new Source() {

				@Override
				public Scheduler next() {
					return sampler.attempts() < spec.maxAttempts() ? sampler.next() : null;
				}

				@Override
				public long begun() {
					return sampler.attempts();
				}
			});
			long executions = search.executions;
			if (search.first != null) {
				return violated(search, executions);
			}
			String sampled = executions + (executions == 1 ? " interleaving" : " interleavings") + " sampled by "
					+ spec.strategy();
			if (search.cutShort != null) {
				return new ExplorationResult(Verdict.INCONCLUSIVE, "Inconclusive after " + sampled + ": "
						+ search.cutShort + ". No violation was found in the interleavings run.", executions, false,
						search.failures, 0, 0);
			}
			return new ExplorationResult(Verdict.HOLDS, "The invariant held in all " + sampled + " (maxAttempts "
					+ spec.maxAttempts() + "). This is a pass over a sample, not a proof: interleavings that were not "
					+ "sampled may still fail (exhausted: false). Strategy.dpor() covers every interleaving of what "
					+ "frontrun sees.", executions, false, search.failures, 0, 0);
		}

		private ExplorationResult replay(Path file) {
			ReplaySchedule recorded = ReplaySchedule.read(file);
			List<Step> steps = ReplayFiles.fromFile(recorded);
			Attempt<S> attempt = execute(new ScheduleReplay(steps), 1);
			String origin = "Replay file: " + file.toAbsolutePath() + " (" + recorded.steps().size() + " steps"
					+ (recorded.test() == null ? "" : ", recorded by " + recorded.test()) + ", execution "
					+ recorded.execution() + " of " + recorded.strategy() + ").";
			if (attempt.abandoned()) {
				String stuck = attempt.outcome().stuck();
				String why = stuck.startsWith(DIVERGED)
						? "The recorded schedule no longer applies: " + stuck.substring(DIVERGED.length())
								+ ". The code changed since it was recorded; explore again without "
								+ Exploration.REPLAY_PROPERTY + " to find a current counterexample, if there is one."
						: "Inconclusive: the replayed execution was abandoned: " + stuck + ".";
				return new ExplorationResult(Verdict.INCONCLUSIVE, why + "\n\n  " + origin, 1, false, List.of(), 0, 0);
			}
			int ran = attempt.outcome().report().schedule().size();
			if (ran < steps.size()) {
				return new ExplorationResult(Verdict.INCONCLUSIVE, "The recorded schedule no longer applies: the "
						+ "program ended after " + ran + " of the " + steps.size() + " recorded steps. The code changed "
						+ "since it was recorded; explore again without " + Exploration.REPLAY_PROPERTY
						+ " to find a current counterexample, if there is one.\n\n  " + origin, 1, false, List.of(), 0,
						0);
			}
			if (attempt.violation() == null) {
				return new ExplorationResult(Verdict.HOLDS, "The invariant held in the replayed interleaving: the "
						+ "failure it recorded did not happen. This covers that one interleaving only; explore again "
						+ "without " + Exploration.REPLAY_PROPERTY + " to check the others.\n\n  " + origin, 1, false,
						List.of(), 0, 0);
			}
			int attempts = spec.reproduceOnFailure();
			int reproduced = reproduce(steps, attempts);
			ReplaySchedule schedule = new ReplaySchedule(recorded.test(), recorded.exploration(),
					recorded.strategy(), recorded.execution(), recorded.preemptions(), recorded.steps());
			String explanation = attempt.violation() + "\n\n  " + origin + reproducedLine(reproduced, attempts)
					+ "\n\n  Replay: " + ReplayFiles.command(spec.test(), file.toAbsolutePath());
			return new ExplorationResult(Verdict.VIOLATED, explanation, 1, false, List.of(new Failure(1,
					threads(attempt.outcome().report().schedule()), attempt.violation())), reproduced, attempts,
					schedule, file.toAbsolutePath());
		}

		// ------------------------------------------------------------------------------------------ searching

		/** What a search found. */
		private static final class Search {
			final List<Failure> failures = new ArrayList<>();
			Attempt<?> first;
			long firstNumber;
			String cutShort;
			long executions;
		}

		private Search search(Source source) {
			Search search = new Search();
			while (true) {
				if (System.nanoTime() > deadline && !Debugger.ATTACHED) {
					search.cutShort = "the total timeout of " + spec.totalTimeout().toSeconds() + " s ran out";
					break;
				}
				Scheduler scheduler = source.next();
				if (scheduler == null) {
					break;
				}
				long number = source.begun();
				search.executions = number;
				Attempt<S> attempt = execute(scheduler, number);
				if (attempt.abandoned()) {
					search.cutShort = "execution " + number + " was abandoned: " + attempt.outcome().stuck();
					break;
				}
				if (attempt.cutOff()) {
					search.cutShort = "execution " + number + " was abandoned: "
							+ (scheduler instanceof SamplingScheduler sampled && sampled.stepLimitReached()
									? "it reached maxOps (" + spec.maxOps() + " scheduling points); a schedule "
											+ "may starve a thread that another one waits for in a loop, or the "
											+ "program needs more: raise maxOps"
									: "it ended while threads could still run");
					break;
				}
				if (attempt.violation() != null) {
					search.failures.add(new Failure(number, threads(attempt.outcome().report().schedule()),
							attempt.violation()));
					if (search.first == null) {
						search.first = attempt;
						search.firstNumber = number;
					}
					if (spec.stopOnFirst()) {
						break;
					}
				}
			}
			return search;
		}

		/** Runs one execution under a scheduler and judges it. */
		private Attempt<S> execute(Scheduler scheduler, long number) {
			S state = setUp(number);
			ControlledExecution execution = new ControlledExecution(scheduler, passThrough, state, bodyThreads);
			ControlledExecution.Outcome outcome = execution.run(state, spec.threads(),
					spec.timeoutPerExecution().toNanos());
			if (outcome.stuck() != null || outcome.report().outcome() == ExecutionReport.Outcome.ABANDONED) {
				return new Attempt<>(state, outcome, scheduler, null, null);
			}
			String violation = explanations.violation(outcome, outcome.resources(), () -> checkInvariant(state),
					number);
			return new Attempt<>(state, outcome, scheduler, violation, violation == null ? null : kind(outcome));
		}

		/** The kind of violation, which shrinking keeps: the exception a thread threw, a deadlock, the invariant. */
		private static String kind(ControlledExecution.Outcome outcome) {
			if (!outcome.failures().isEmpty()) {
				return "thread threw " + outcome.failures().get(0).thrown().getClass().getName();
			}
			return outcome.report().outcome() == ExecutionReport.Outcome.DEADLOCKED ? "deadlock" : "invariant";
		}

		// ------------------------------------------------------------------------------------------ reporting

		/** Shrinks the first violation, replays it, writes its replay file, and explains it. */
		@SuppressWarnings("unchecked")
		private ExplorationResult violated(Search search, long executions) {
			Attempt<S> found = (Attempt<S>) search.first;
			long number = search.firstNumber;
			List<Step> foundSchedule = found.outcome().report().schedule();
			int maxSteps = 2 * foundSchedule.size() + 100;
			Shrinking.Result shrinking = Shrinking.shrink(foundSchedule, found.kind(), plan -> {
				GuidedScheduler guided = new GuidedScheduler(maxSteps, plan);
				Attempt<S> attempt = execute(guided, number);
				if (attempt.abandoned()) {
					return null;
				}
				return new Shrinking.Tried(attempt.outcome().report().schedule(), guided.preemptions(),
						attempt.violation(), attempt.kind(), attempt.outcome());
			}, SHRINK_BUDGET);

			Shrinking.Tried shrunk = shrinking.shrunk();
			List<Step> schedule = shrunk == null ? foundSchedule : shrunk.schedule();
			ControlledExecution.Outcome shown = shrunk == null ? found.outcome() : shrunk.outcome();
			String violation = shrunk == null ? found.violation() : shrunk.violation();
			String scheduleLine;
			if (shrunk == null) {
				scheduleLine = "Schedule: " + steps(schedule.size()) + "; not shrunk: running it again did not fail "
						+ "the same way, so the program may not be deterministic under a fixed schedule.";
			} else {
				Shrinking.Tried original = shrinking.original();
				scheduleLine = "Schedule: " + preemptions(shrunk.preemptions()) + ", " + steps(schedule.size())
						+ (original.preemptions() == shrunk.preemptions()
								&& original.schedule().size() == schedule.size()
										? " (as found: shrinking found none with fewer)"
										: " (shrunk from " + preemptions(original.preemptions()) + ", "
												+ steps(original.schedule().size()) + ")")
						+ ".";
			}

			int attempts = spec.reproduceOnFailure();
			int reproduced = reproduce(schedule, attempts);
			ReplaySchedule replaySchedule = new ReplaySchedule(spec.test() == null ? null : spec.test().id(),
					spec.exploration(), spec.strategy().toString(), number,
					shrunk == null ? -1 : shrunk.preemptions(), ReplayFiles.toFile(schedule, shown.trace()));
			String replayLine = "";
			Path file = null;
			String dataDirectory = System.getProperty(ReplayFiles.DATA_DIRECTORY);
			if (dataDirectory != null && !dataDirectory.isBlank()) {
				Path target = ReplayFiles.file(Path.of(dataDirectory.trim()), spec.test(), spec.exploration());
				try {
					replaySchedule.write(target);
					file = target;
					replayLine = "\n\n  Replay: " + ReplayFiles.command(spec.test(), target);
				} catch (UncheckedIOException e) {
					replayLine = "\n\n  (The replay file could not be written: " + e.getMessage() + ")";
				}
			}
			String explanation = violation + "\n\n  " + scheduleLine + reproducedLine(reproduced, attempts)
					+ replayLine;
			return new ExplorationResult(Verdict.VIOLATED, explanation, executions, false, search.failures,
					reproduced, attempts, replaySchedule, file);
		}

		private static String reproducedLine(int reproduced, int attempts) {
			return attempts == 0 ? "" : "\n\n  Reproduced " + reproduced + "/" + attempts + " times ("
					+ reproduced * 100 / attempts + "%)";
		}

		private static String preemptions(int count) {
			return count + (count == 1 ? " preemption" : " preemptions");
		}

		private static String steps(int count) {
			return count + (count == 1 ? " step" : " steps");
		}

		/** Replays a failing schedule on fresh states; returns how many replays failed again. */
		private int reproduce(List<Step> schedule, int attempts) {
			int reproduced = 0;
			for (int attempt = 0; attempt < attempts; attempt++) {
				Attempt<S> replay = execute(new ScheduleReplay(schedule), attempt + 1);
				if (!replay.abandoned() && replay.violation() != null) {
					reproduced++;
				}
			}
			return reproduced;
		}

		// ------------------------------------------------------------------------------------------ helpers

		/** The replay file this exploration runs instead of exploring, or {@code null}. */
		private Path replayFile() {
			if (spec.replayFile() != null) {
				return spec.replayFile();
			}
			String property = System.getProperty(Exploration.REPLAY_PROPERTY);
			if (property == null || property.isBlank()) {
				return null;
			}
			Path file = Path.of(property.trim());
			ReplaySchedule recorded;
			try {
				recorded = ReplaySchedule.read(file);
			} catch (UncheckedIOException | IllegalArgumentException e) {
				throw new IllegalStateException("The system property " + Exploration.REPLAY_PROPERTY + " names "
						+ file.toAbsolutePath() + ", which is not a replay file frontrun can read: " + e.getMessage(),
						e);
			}
			boolean thisExploration = recorded.test() == null || spec.test() == null
					|| recorded.test().equals(spec.test().id()) && recorded.exploration() == spec.exploration();
			return thisExploration ? file : null;
		}

		private S setUp(long number) {
			try {
				return spec.setup().get();
			} catch (RuntimeException | Error e) {
				throw new IllegalStateException("The setup threw in execution " + number + ": " + e
						+ ". Fix the setup: it must build a fresh state for every execution.", e);
			}
		}

		/** Returns {@code null} when the invariant holds, else what it said. */
		private String checkInvariant(S state) {
			try {
				return spec.invariant().test(state) ? null : "the invariant returned false";
			} catch (AssertionError e) {
				return "the invariant failed: " + Explanations.stack(e);
			} catch (RuntimeException e) {
				return "the invariant threw " + Explanations.stack(e);
			}
		}

		private static List<Integer> threads(List<Step> schedule) {
			List<Integer> threads = new ArrayList<>();
			for (Step step : schedule) {
				threads.add(step.thread());
			}
			return threads;
		}
	}
}
