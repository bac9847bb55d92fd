package dev.frontrun.internal.engine;

import java.util.OptionalInt;

/** The answers of {@link Scheduler#nextThread()}, made once for the usual thread numbers instead of at every step. */
final class ChosenThread {

	private static final OptionalInt[] COMMON = new OptionalInt[64];

	static {
		for (int thread = 0; thread < COMMON.length; thread++) {
			COMMON[thread] = OptionalInt.of(thread);
		}
	}

	private ChosenThread() {
	}

	/** The answer naming a thread. */
	static OptionalInt of(int thread) {
		return thread < COMMON.length ? COMMON[thread] : OptionalInt.of(thread);
	}
}
