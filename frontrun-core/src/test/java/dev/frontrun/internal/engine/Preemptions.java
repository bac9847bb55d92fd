package dev.frontrun.internal.engine;

import java.util.List;

/** Counts the preemptions of a schedule by replaying it: switches away from a thread that could have gone on. */
final class Preemptions {

	private Preemptions() {
	}

	static int of(Program program, List<Step> schedule) {
		Machine machine = program.load();
		machine.start();
		int preemptions = 0;
		int previous = -1;
		for (Step step : schedule) {
			if (previous >= 0 && step.thread() != previous && machine.runnable().contains(previous)) {
				preemptions++;
			}
			machine.perform(step.thread());
			machine.advance(step.thread());
			previous = step.thread();
		}
		return preemptions;
	}
}
