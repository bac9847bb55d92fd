package dev.frontrun.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * What a design that runs each execution on real threads cannot go below, measured on this machine with no tool:
 * starting and joining a thread, and handing a turn from one thread to another with park/unpark (a round trip is
 * two hand-overs). Each is measured as the median of 7 rounds after 3 warm-up rounds.
 */
public final class Baselines {

	private Baselines() {
	}

	/**
	 * @param args unused
	 * @throws Exception never, in practice
	 */
	public static void main(String[] args) throws Exception {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("tool", "none");
		record.put("java", System.getProperty("java.version"));
		record.put("threadStartJoinMicros", rounds(() -> threadStartJoin(5_000)));
		record.put("parkUnparkHandoffMicros", rounds(() -> handoffs(100_000)));
		record.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		Measure.emit(record);
	}

	private interface Round {
		double micros() throws Exception;
	}

	private static double rounds(Round round) throws Exception {
		for (int i = 0; i < 3; i++) {
			round.micros();
		}
		java.util.List<Double> values = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			values.add(round.micros());
		}
		return Measure.medianDouble(values);
	}

	/** Microseconds to create, start and join one thread that does nothing. */
	private static double threadStartJoin(int n) throws InterruptedException {
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			Thread thread = new Thread(() -> {
			});
			thread.start();
			thread.join();
		}
		return (System.nanoTime() - start) / 1e3 / n;
	}

	private static volatile int turn;

	/** Microseconds per hand-over of a turn between two threads that park until it is theirs. */
	private static double handoffs(int roundTrips) throws InterruptedException {
		turn = 0;
		Thread main = Thread.currentThread();
		Thread other = new Thread(() -> {
			for (int i = 0; i < roundTrips; i++) {
				while (turn != 1) {
					LockSupport.park();
				}
				turn = 0;
				LockSupport.unpark(main);
			}
		});
		other.start();
		long start = System.nanoTime();
		for (int i = 0; i < roundTrips; i++) {
			turn = 1;
			LockSupport.unpark(other);
			while (turn != 0) {
				LockSupport.park();
			}
		}
		long nanos = System.nanoTime() - start;
		other.join();
		return nanos / 1e3 / (2.0 * roundTrips);
	}
}
