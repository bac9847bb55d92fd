package example.patterns;

/** Thread bodies for the patterns whose methods throw checked exceptions. */
public final class Patterns {

	private Patterns() {
	}

	/**
	 * Receives, wrongly, as a thread body.
	 *
	 * @param mailbox the mailbox
	 */
	public static void receive(LostWakeup mailbox) {
		try {
			mailbox.receive();
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
