package example.instrument;

/** Thread start, join, sleep and yield, on Thread and on a subclass that overrides start. */
public class Threads {

	/** A thread whose start method is overridden, and which counts how often it ran. */
	public static class Worker extends Thread {

		int starts;
		volatile boolean ran;

		@Override
		public void start() {
			starts++; // @worker-start-count
			super.start(); // @worker-super-start
		}

		@Override
		public void run() {
			ran = true; // @worker-run
		}
	}

	/** Starts and joins a plain thread, sleeps and yields; returns whether the thread ran. */
	public static boolean everyOperation() throws InterruptedException {
		boolean[] ran = new boolean[1];
		Thread thread = new Thread(() -> Threads.mark(ran));
		thread.start(); // @start
		thread.join(); // @join
		thread.join(1); // @join-millis
		thread.join(1, 1); // @join-nanos
		Thread.sleep(1); // @sleep
		Thread.sleep(0, 1); // @sleep-nanos
		Thread.yield(); // @yield
		return ran[0]; // @read-ran
	}

	private static void mark(boolean[] ran) {
		ran[0] = true; // @mark
	}

	/** Starts and joins a {@link Worker}; returns how often its start ran and whether it ran. */
	public static String subclass() throws InterruptedException {
		Worker worker = new Worker();
		worker.start(); // @subclass-start
		worker.join(); // @subclass-join
		return worker.starts + " " + worker.ran; // @subclass-read
	}
}
