package suite;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Word statistics of a text. */
public final class TextStats {
	private final Map<String, Integer> counts = new TreeMap<>();
	private int words;
	private String longest = "";

	public TextStats(String text) {
		for (String raw : text.split("[^\\p{L}\\p{N}']+")) {
			if (raw.isEmpty()) {
				continue;
			}
			String word = raw.toLowerCase(Locale.ROOT);
			counts.merge(word, 1, Integer::sum);
			words++;
			if (word.length() > longest.length()) {
				longest = word;
			}
		}
	}

	public int words() {
		return words;
	}

	public int distinct() {
		return counts.size();
	}

	public int count(String word) {
		return counts.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
	}

	public String longest() {
		return longest;
	}

	public String mostFrequent() {
		String best = null;
		int bestCount = 0;
		for (Map.Entry<String, Integer> e : counts.entrySet()) {
			if (e.getValue() > bestCount) {
				best = e.getKey();
				bestCount = e.getValue();
			}
		}
		return best;
	}
}
