package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows a plan loosely: runs of steps by one thread each, in order, such as "thread 0 for 3 steps, then thread 1 for
 * 2". Where the planned thread cannot run, another thread runs without using up the plan (the one that ran last if it
 * can, else the lowest-numbered); a planned thread that has finished is skipped; once the plan is used up, the thread
 * that ran last goes on while it can. So every plan gives a complete execution, whatever the program does, and a
 * plan with fewer switches tends to give a schedule with fewer preemptions: what shrinking a counterexample needs.
 */
public final class GuidedScheduler extends SamplingScheduler {

	/**
	 * One run of the plan.
	 *
	 * @param thread the thread to run
	 * @param steps how many steps, at least 1
	 */
	public record Run(int thread, int steps) {

		/**
		 * Checks the run.
		 *
		 * @param thread the thread to run
		 * @param steps how many steps
		 */
		public Run {
			if (steps < 1) {
				throw new IllegalArgumentException("A run has at least one step, got " + steps);
			}
		}
	}

	private final List<Run> plan;
	private int index;
	private int usedOfRun;

	/**
	 * Creates the scheduler of one execution that follows a plan.
	 *
	 * @param maxSteps the most steps the execution may take
	 * @param plan the runs to follow
	 */
	public GuidedScheduler(int maxSteps, List<Run> plan) {
		super(0, maxSteps);
		this.plan = List.copyOf(plan);
	}

	/**
	 * The runs of a schedule: its steps grouped into maximal runs of one thread.
	 *
	 * @param schedule the steps
	 * @return the runs, which followed as a plan give the same schedule again
	 */
	public static List<Run> runsOf(List<Step> schedule) {
		List<Run> runs = new ArrayList<>();
		for (Step step : schedule) {
			Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (last != null && last.thread() == step.thread()) {
				runs.set(runs.size() - 1, new Run(last.thread(), last.steps() + 1));
			} else {
				runs.add(new Run(step.thread(), 1));
			}
		}
		return runs;
	}

	@Override
	int choose(int[] enabled, int[] running) {
		while (index < plan.size()) {
			Run run = plan.get(index);
			if (Arrays.binarySearch(running, run.thread()) < 0) {
				index++;
				usedOfRun = 0;
				continue;
			}
			if (Arrays.binarySearch(enabled, run.thread()) < 0) {
				return fallback(enabled);
			}
			if (++usedOfRun == run.steps()) {
				index++;
				usedOfRun = 0;
			}
			return run.thread();
		}
		return fallback(enabled);
	}

	private int fallback(int[] enabled) {
		int previous = previousThread();
		return Arrays.binarySearch(enabled, previous) >= 0 ? previous : enabled[0];
	}
}
