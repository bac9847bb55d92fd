package suite;

import java.util.ArrayList;
import java.util.List;

/** A set of integers kept as sorted, disjoint, non-adjacent half-open intervals [start, end). */
public final class IntervalSet {
	private final List<int[]> intervals = new ArrayList<>();

	public void add(int start, int end) {
		if (start >= end) {
			return;
		}
		List<int[]> merged = new ArrayList<>();
		int s = start;
		int e = end;
		boolean placed = false;
		for (int[] iv : intervals) {
			if (iv[1] < s) {
				merged.add(iv);
			} else if (iv[0] > e) {
				if (!placed) {
					merged.add(new int[] { s, e });
					placed = true;
				}
				merged.add(iv);
			} else {
				s = Math.min(s, iv[0]);
				e = Math.max(e, iv[1]);
			}
		}
		if (!placed) {
			merged.add(new int[] { s, e });
		}
		intervals.clear();
		intervals.addAll(merged);
	}

	public boolean contains(int x) {
		for (int[] iv : intervals) {
			if (x >= iv[0] && x < iv[1]) {
				return true;
			}
		}
		return false;
	}

	public long length() {
		long total = 0;
		for (int[] iv : intervals) {
			total += iv[1] - iv[0];
		}
		return total;
	}

	public int count() {
		return intervals.size();
	}
}
