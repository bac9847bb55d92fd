package dev.frontrun;

/**
 * A schedule that cannot be followed: a thread or marker name that never appears, a thread that finishes or
 * blocks before its step, or a schedule that does not finish in time. The message names the step, says where
 * each thread is, and suggests the fix.
 *
 * @since 0.1.0
 */
public class ScheduleException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 *
	 * @param message what went wrong, where each thread is, and how to fix it
	 */
	public ScheduleException(String message) {
		super(message);
	}
}
