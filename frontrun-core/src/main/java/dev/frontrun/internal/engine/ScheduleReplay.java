package dev.frontrun.internal.engine;

import java.util.List;
import java.util.OptionalInt;

/**
 * Replays a recorded schedule exactly, step by step, as {@link DporExplorer#replaying} does, and also refuses to go
 * past its end: where a thread could still run after the last recorded step, the program has changed, and
 * {@link ReplayDivergenceException} says so. (A program that ends before the last recorded step shows in the
 * report's schedule being shorter than the recorded one.)
 */
public final class ScheduleReplay implements Scheduler {

	private final DporExplorer replay;
	private final int length;
	private int performed;

	/**
	 * Creates the scheduler of one execution that replays a schedule.
	 *
	 * @param schedule the steps to replay, with the operation each performed
	 */
	public ScheduleReplay(List<Step> schedule) {
		this.replay = DporExplorer.replaying(schedule);
		this.length = schedule.size();
		replay.beginExecution();
	}

	@Override
	public void started(int thread) {
		replay.started(thread);
	}

	@Override
	public void spawned(int parent, int child) {
		replay.spawned(parent, child);
	}

	@Override
	public void announce(int thread, Operation next) {
		replay.announce(thread, next);
	}

	@Override
	public void notified(int notifier, int thread, Operation next) {
		replay.notified(notifier, thread, next);
	}

	@Override
	public void finished(int thread) {
		replay.finished(thread);
	}

	@Override
	public OptionalInt nextThread() {
		OptionalInt next = replay.nextThread();
		if (performed == length && next.isPresent()) {
			throw new ReplayDivergenceException("The recorded schedule ends after " + length + " steps, but thread "
					+ next.getAsInt() + " can still run");
		}
		return next;
	}

	@Override
	public void executed(int thread, Operation operation) {
		replay.executed(thread, operation);
		performed++;
	}

	@Override
	public ExecutionReport endExecution() {
		return replay.endExecution();
	}
}
