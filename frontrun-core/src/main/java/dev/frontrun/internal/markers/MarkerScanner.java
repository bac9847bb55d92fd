package dev.frontrun.internal.markers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code // frontrun: name} comments in Java source text and the line each one gates.
 *
 * <p>A marker comment at the end of a line of code gates that line. A marker comment alone on its line gates
 * the next line that has code. The scanner follows string literals, character literals, text blocks and block
 * comments, so a {@code //} inside a string is not taken for a comment.
 */
public final class MarkerScanner {

	private static final Pattern MARKER = Pattern.compile("^\\s*frontrun:\\s*([A-Za-z_$][\\w$.-]*)");

	private MarkerScanner() {
	}

	/**
	 * Scans source text.
	 *
	 * @param source the contents of a {@code .java} file
	 * @return the markers by the 1-based line they gate, in line order
	 */
	public static SourceMarkers scan(String source) {
		Map<Integer, List<String>> gated = new TreeMap<>();
		List<String> pending = new ArrayList<>();
		Lexer lexer = new Lexer();
		int line = 1;
		for (String text : source.split("\n", -1)) {
			LineInfo info = lexer.next(text);
			if (info.hasCode() && !pending.isEmpty()) {
				gated.computeIfAbsent(line, l -> new ArrayList<>()).addAll(pending);
				pending.clear();
			}
			if (info.lineComment() != null) {
				Matcher matcher = MARKER.matcher(info.lineComment());
				if (matcher.find()) {
					if (info.hasCode()) {
						gated.computeIfAbsent(line, l -> new ArrayList<>()).add(matcher.group(1));
					} else {
						pending.add(matcher.group(1));
					}
				}
			}
			line++;
		}
		return new SourceMarkers(gated);
	}

	/** What one line holds: whether it has code, and the text of its {@code //} comment, if any. */
	private record LineInfo(boolean hasCode, String lineComment) {
	}

	/** A lexer that keeps its state (inside a block comment or text block) from one line to the next. */
	private static final class Lexer {

		private enum State {
			CODE, BLOCK_COMMENT, TEXT_BLOCK
		}

		private State state = State.CODE;

		LineInfo next(String text) {
			boolean hasCode = false;
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				switch (state) {
				case BLOCK_COMMENT -> {
					if (text.startsWith("*/", i)) {
						state = State.CODE;
						i += 2;
					} else {
						i++;
					}
				}
				case TEXT_BLOCK -> {
					hasCode = true;
					if (c == '\\') {
						i += 2;
					} else if (text.startsWith("\"\"\"", i)) {
						state = State.CODE;
						i += 3;
					} else {
						i++;
					}
				}
				case CODE -> {
					if (text.startsWith("//", i)) {
						return new LineInfo(hasCode, text.substring(i + 2));
					} else if (text.startsWith("/*", i)) {
						state = State.BLOCK_COMMENT;
						i += 2;
					} else if (text.startsWith("\"\"\"", i)) {
						hasCode = true;
						state = State.TEXT_BLOCK;
						i += 3;
					} else if (c == '"' || c == '\'') {
						hasCode = true;
						i = endOfLiteral(text, i, c);
					} else {
						hasCode |= !Character.isWhitespace(c);
						i++;
					}
				}
				}
			}
			return new LineInfo(hasCode, null);
		}

		private static int endOfLiteral(String text, int start, char quote) {
			int i = start + 1;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (c == '\\') {
					i += 2;
				} else if (c == quote) {
					return i + 1;
				} else {
					i++;
				}
			}
			return i;
		}
	}
}
