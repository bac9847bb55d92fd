package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.GuidedScheduler;
import dev.frontrun.internal.engine.GuidedScheduler.Run;
import dev.frontrun.internal.engine.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a failing schedule: to the fewest preemptions (switches away from a thread that could have gone on), then
 * to the fewest steps, keeping the same kind of violation.
 *
 * <p>A schedule is seen as its runs, maximal stretches of steps by one thread, and candidates are plans of runs that
 * a {@link GuidedScheduler} follows loosely (so every plan gives a complete execution): the first k runs only, with
 * the thread that ran last going on afterwards while it can (so the later switches disappear); two neighbouring runs
 * swapped (so that a thread runs where it blocks instead of where it would be preempted); one run moved to join the
 * previous or the next run of the same thread; one run left out. The first candidate that still fails the same
 * way with fewer preemptions, or as many and fewer steps, becomes the schedule to shrink further, until no candidate
 * improves it or the budget of executions is spent. Everything is deterministic: the same schedule and program give
 * the same shrunk schedule.
 */
final class Shrinking {

	/**
	 * What running one plan gave.
	 *
	 * @param schedule the steps that ran
	 * @param preemptions how many preemptions they have
	 * @param violation the explanation of the violation, or {@code null} if there was none
	 * @param kind the kind of violation, or {@code null}
	 * @param outcome the execution, to explain it
	 */
	record Tried(List<Step> schedule, int preemptions, String violation, String kind,
			ControlledExecution.Outcome outcome) {

		boolean fails(String expectedKind) {
			return violation != null && expectedKind.equals(kind);
		}

		boolean betterThan(Tried other) {
			return preemptions < other.preemptions
					|| preemptions == other.preemptions && schedule.size() < other.schedule.size();
		}
	}

	/** Runs a plan; returns {@code null} when the execution had to be abandoned, which ends shrinking. */
	interface Trial {
		Tried run(List<Run> plan);
	}

	/**
	 * What shrinking gave.
	 *
	 * @param original the found schedule run again, or {@code null} if it did not fail the same way again
	 * @param shrunk the shrunk schedule, or {@code null} like {@code original}
	 * @param trials how many executions shrinking ran
	 */
	record Result(Tried original, Tried shrunk, int trials) {
	}

	private Shrinking() {
	}

	/**
	 * Shrinks a failing schedule.
	 *
	 * @param found the schedule that failed
	 * @param kind the kind of its violation
	 * @param trial runs a plan
	 * @param budget the most executions to run
	 * @return the result
	 */
	static Result shrink(List<Step> found, String kind, Trial trial, int budget) {
		List<Run> foundRuns = GuidedScheduler.runsOf(found);
		Tried original = trial.run(foundRuns);
		int trials = 1;
		if (original == null || !original.fails(kind)) {
			return new Result(null, null, trials);
		}
		Tried best = original;
		Set<List<Run>> tried = new HashSet<>();
		tried.add(foundRuns);
		search: while (trials < budget) {
			for (List<Run> plan : candidates(GuidedScheduler.runsOf(best.schedule()))) {
				if (!tried.add(plan)) {
					continue;
				}
				if (trials >= budget) {
					break search;
				}
				Tried candidate = trial.run(plan);
				trials++;
				if (candidate == null) {
					break search;
				}
				if (candidate.fails(kind) && candidate.betterThan(best)) {
					best = candidate;
					continue search;
				}
			}
			break;
		}
		return new Result(original, best, trials);
	}

	/** The candidate plans for a schedule's runs, the most drastic first. */
	static List<List<Run>> candidates(List<Run> runs) {
		List<List<Run>> candidates = new ArrayList<>();
		for (int length = 1; length < runs.size(); length++) {
			candidates.add(List.copyOf(runs.subList(0, length)));
		}
		for (int i = 0; i + 1 < runs.size(); i++) {
			List<Run> swapped = new ArrayList<>(runs);
			swapped.set(i, runs.get(i + 1));
			swapped.set(i + 1, runs.get(i));
			candidates.add(merged(swapped));
		}
		for (int i = 0; i < runs.size(); i++) {
			int previous = sameThread(runs, i, -1);
			if (previous >= 0) {
				candidates.add(moved(runs, i, previous));
			}
		}
		for (int i = 0; i < runs.size(); i++) {
			int next = sameThread(runs, i, +1);
			if (next >= 0) {
				candidates.add(moved(runs, i, next));
			}
		}
		for (int i = 0; i < runs.size(); i++) {
			List<Run> without = new ArrayList<>(runs);
			without.remove(i);
			candidates.add(merged(without));
		}
		return candidates;
	}

	/** The index of the nearest run of the same thread as run i in a direction, or -1. */
	private static int sameThread(List<Run> runs, int i, int direction) {
		for (int j = i + direction; j >= 0 && j < runs.size(); j += direction) {
			if (runs.get(j).thread() == runs.get(i).thread()) {
				return j;
			}
		}
		return -1;
	}

	/** The runs with run i's steps added to run j's and run i left out. */
	private static List<Run> moved(List<Run> runs, int i, int j) {
		List<Run> result = new ArrayList<>(runs);
		Run target = runs.get(j);
		result.set(j, new Run(target.thread(), target.steps() + runs.get(i).steps()));
		result.remove(i);
		return merged(result);
	}

	/** The runs with neighbours of the same thread joined. */
	private static List<Run> merged(List<Run> runs) {
		List<Run> result = new ArrayList<>();
		for (Run run : runs) {
			Run last = result.isEmpty() ? null : result.get(result.size() - 1);
			if (last != null && last.thread() == run.thread()) {
				result.set(result.size() - 1, new Run(run.thread(), last.steps() + run.steps()));
			} else {
				result.add(run);
			}
		}
		return List.copyOf(result);
	}
}
