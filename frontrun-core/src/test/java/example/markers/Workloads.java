package example.markers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small programs with markers, for the scheduler's tests. */
public class Workloads {

	/** Synchronized: after the last step, threads append to it at the same time. */
	public final List<String> log = Collections.synchronizedList(new ArrayList<>());
	public int value;

	/** Passes marker {@code step} once per iteration. */
	public void loop(String who, int times) {
		for (int i = 0; i < times; i++) {
			log.add(who + i); // frontrun: step
		}
	}

	/** Takes the monitor, then waits at a marker while holding it. */
	public void lockedIncrement() {
		synchronized (this) {
			int current = value; // frontrun: locked_read
			value = current + 1;
		}
	}

	/** Throws before its marker. */
	public void failBeforeMarker() {
		if (value == 0) {
			throw new IllegalStateException("boom");
		}
		value++; // frontrun: after_failure
	}

	/** Never reaches its marker. */
	public void spin() throws InterruptedException {
		while (value == 0) {
			Thread.sleep(5);
		}
		value++; // frontrun: after_spin
	}

	/** A string that looks like a marker is not one; the API call is. */
	public String fakeAndApiMarkers() {
		String text = "// frontrun: not_a_marker";
		dev.frontrun.Frontrun.marker("api_marker");
		log.add(text);
		return text;
	}
}
