package example.patterns;

/**
 * The lost wakeup: a receiver checks whether the message was delivered outside the monitor, then waits; a delivery
 * between the check and the wait notifies nobody, and the receiver waits for ever.
 */
public final class LostWakeup {

	private final Object lock = new Object();
	private boolean delivered;
	private String message;
	public String received;

	/**
	 * Waits for the message, wrongly.
	 *
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void receive() throws InterruptedException {
		if (!delivered) {
			synchronized (lock) {
				lock.wait();
			}
		}
		received = message;
	}

	/**
	 * Delivers the message and wakes the receiver.
	 *
	 * @param text the message
	 */
	public void deliver(String text) {
		message = text;
		delivered = true;
		synchronized (lock) {
			lock.notifyAll();
		}
	}
}
