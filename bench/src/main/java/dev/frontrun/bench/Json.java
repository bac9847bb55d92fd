package dev.frontrun.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Just enough JSON for the harness: maps, lists, strings, numbers, booleans and null, written and read back. */
public final class Json {

	private Json() {
	}

	/**
	 * @param value a map, list, string, number, boolean or null
	 * @return its JSON text on one line
	 */
	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, -1);
		return out.toString();
	}

	/**
	 * @param value a map, list, string, number, boolean or null
	 * @return indented JSON text
	 */
	public static String pretty(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, 0);
		return out.append('\n').toString();
	}

	private static void write(Object value, StringBuilder out, int indent) {
		if (value == null) {
			out.append("null");
		} else if (value instanceof String s) {
			quote(s, out);
		} else if (value instanceof Double d) {
			double abs = Math.abs(d);
			if (d.isNaN() || d.isInfinite()) {
				out.append("null");
			} else if (abs != 0 && (abs < 1e-4 || abs >= 1e15)) {
				out.append(d);
			} else {
				out.append(strip(String.format(Locale.ROOT, "%.6f", d)));
			}
		} else if (value instanceof Float f) {
			write(f.doubleValue(), out, indent);
		} else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		} else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				if (indent >= 0) {
					newline(out, indent + 1);
				}
				quote(String.valueOf(entry.getKey()), out);
				out.append(indent >= 0 ? ": " : ":");
				write(entry.getValue(), out, indent >= 0 ? indent + 1 : -1);
			}
			if (!map.isEmpty()) {
				newline(out, indent);
			}
			out.append('}');
		} else if (value instanceof List<?> list) {
			out.append('[');
			boolean scalars = list.stream().noneMatch(e -> e instanceof Map || e instanceof List);
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(indent >= 0 && scalars ? ", " : ",");
				}
				if (!scalars && indent >= 0) {
					newline(out, indent + 1);
				}
				write(list.get(i), out, indent >= 0 ? indent + 1 : -1);
			}
			if (!scalars && !list.isEmpty()) {
				newline(out, indent);
			}
			out.append(']');
		} else {
			quote(value.toString(), out);
		}
	}

	private static String strip(String decimal) {
		String s = decimal.contains(".") ? decimal.replaceAll("0+$", "") : decimal;
		return s.endsWith(".") ? s + "0" : s;
	}

	private static void newline(StringBuilder out, int indent) {
		if (indent >= 0) {
			out.append('\n').append("  ".repeat(indent));
		}
	}

	private static void quote(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		out.append('"');
	}

	/**
	 * @param text JSON text
	 * @return maps (insertion-ordered), lists, strings, doubles or longs, booleans and null
	 */
	public static Object parse(String text) {
		Parser parser = new Parser(text);
		Object value = parser.value();
		parser.space();
		if (parser.at < text.length()) {
			throw new IllegalArgumentException("trailing text at " + parser.at);
		}
		return value;
	}

	private static final class Parser {
		private final String s;
		private int at;

		Parser(String s) {
			this.s = s;
		}

		void space() {
			while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
				at++;
			}
		}

		Object value() {
			space();
			char c = s.charAt(at);
			switch (c) {
			case '{' -> {
				at++;
				Map<String, Object> map = new LinkedHashMap<>();
				space();
				if (s.charAt(at) == '}') {
					at++;
					return map;
				}
				while (true) {
					space();
					String key = string();
					space();
					expect(':');
					map.put(key, value());
					space();
					if (s.charAt(at) == ',') {
						at++;
					} else {
						expect('}');
						return map;
					}
				}
			}
			case '[' -> {
				at++;
				List<Object> list = new ArrayList<>();
				space();
				if (s.charAt(at) == ']') {
					at++;
					return list;
				}
				while (true) {
					list.add(value());
					space();
					if (s.charAt(at) == ',') {
						at++;
					} else {
						expect(']');
						return list;
					}
				}
			}
			case '"' -> {
				return string();
			}
			default -> {
				if (s.startsWith("true", at)) {
					at += 4;
					return Boolean.TRUE;
				}
				if (s.startsWith("false", at)) {
					at += 5;
					return Boolean.FALSE;
				}
				if (s.startsWith("null", at)) {
					at += 4;
					return null;
				}
				int start = at;
				while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
					at++;
				}
				String number = s.substring(start, at);
				if (number.isEmpty()) {
					throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
				}
				if (number.contains(".") || number.contains("e") || number.contains("E")) {
					return Double.parseDouble(number);
				}
				return Long.parseLong(number);
			}
			}
		}

		private void expect(char c) {
			if (s.charAt(at) != c) {
				throw new IllegalArgumentException("expected '" + c + "' at " + at);
			}
			at++;
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = s.charAt(at++);
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char e = s.charAt(at++);
					switch (e) {
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
						at += 4;
					}
					default -> out.append(e);
					}
				} else {
					out.append(c);
				}
			}
		}
	}
}
