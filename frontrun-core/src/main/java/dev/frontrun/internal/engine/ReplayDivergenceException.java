package dev.frontrun.internal.engine;

/**
 * Thrown when an execution does not repeat an earlier one: following the same schedule, a thread performed another
 * operation or could not run. The engine explores by replaying schedules, so the program under test must do the same
 * thing whenever it is given the same schedule; time, randomness, identity hash codes or threads the runtime does not
 * manage can break that.
 */
public final class ReplayDivergenceException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	ReplayDivergenceException(String message) {
		super(message);
	}
}
