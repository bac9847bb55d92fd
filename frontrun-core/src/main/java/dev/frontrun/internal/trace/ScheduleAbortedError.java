package dev.frontrun.internal.trace;

/**
 * Thrown at a marker in a managed thread once its schedule has failed, to stop the thread; never reported.
 */
final class ScheduleAbortedError extends Error {

	private static final long serialVersionUID = 1L;

	ScheduleAbortedError() {
		super("the schedule was abandoned", null, false, false);
	}
}
