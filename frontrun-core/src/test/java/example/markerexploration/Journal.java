package example.markerexploration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records who passed which marker, in the order they passed: the interleaving each schedule produced. */
public class Journal {

	public final List<String> entries = Collections.synchronizedList(new ArrayList<>());

	/** Passes {@code first}, {@code second}, {@code third}. */
	public void threeSteps(String who) {
		entries.add(who + ":first"); // frontrun: first
		entries.add(who + ":second"); // frontrun: second
		entries.add(who + ":third"); // frontrun: third
	}

	/** Passes {@code first}, {@code second}. */
	public void twoSteps(String who) {
		entries.add(who + ":first"); // frontrun: first
		entries.add(who + ":second"); // frontrun: second
	}
}
