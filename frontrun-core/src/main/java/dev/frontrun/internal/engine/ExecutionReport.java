package dev.frontrun.internal.engine;

import java.util.List;

/**
 * What the engine saw of one execution.
 *
 * @param number which execution this was, counting from 0
 * @param outcome how it ended
 * @param schedule every step, in the order they ran
 * @param races the races between the steps, ordered by their later and then their earlier step
 * @param blocked the threads that were still waiting when the execution ended, by thread number: the deadlocked
 *        threads when the outcome is {@link Outcome#DEADLOCKED}
 */
public record ExecutionReport(long number, Outcome outcome, List<Step> schedule, List<Race> races,
		List<BlockedThread> blocked) {

	/** How an execution ended. */
	public enum Outcome {

		/** Every thread finished. */
		COMPLETED,

		/** Some threads had not finished, and none of them could run. */
		DEADLOCKED,

		/** The runtime ended it while some thread could still run, so what would have followed was not explored. */
		ABANDONED
	}

	/**
	 * Copies the lists.
	 *
	 * @param number which execution this was
	 * @param outcome how it ended
	 * @param schedule every step
	 * @param races the races between the steps
	 * @param blocked the threads still waiting at the end
	 */
	public ExecutionReport {
		schedule = List.copyOf(schedule);
		races = List.copyOf(races);
		blocked = List.copyOf(blocked);
	}
}
