package dev.frontrun.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads, edits and writes JVM argument lines the way Surefire parses its {@code argLine}: arguments are
 * separated by whitespace, and single or double quotes group an argument that contains whitespace (the quotes
 * are removed; there is no backslash escaping).
 */
public final class ArgLine {

	/** Matches the file name of a frontrun agent jar, such as {@code frontrun-core-0.1.0-agent.jar}. */
	private static final Pattern AGENT_JAR_NAME = Pattern.compile("frontrun-core-.*-agent\\.jar");

	/** The system properties that frontrun's plugin puts on the command line next to the agent. */
	private static final List<String> FRONTRUN_PROPERTIES = List.of("-Dfrontrun.sourceRoots=",
			"-Dfrontrun.tracePackages=", "-Dfrontrun.dataDirectory=");

	private ArgLine() {
	}

	/**
	 * Quotes an argument for an argLine: an argument with whitespace or quotes is put in double quotes, or in
	 * single quotes if it contains a double quote.
	 *
	 * @param argument one JVM argument
	 * @return the argument, quoted if needed
	 * @throws IllegalArgumentException if the argument contains both kinds of quote and whitespace, which an
	 *         argLine cannot express
	 */
	public static String quote(String argument) {
		boolean needsQuotes = argument.isEmpty();
		for (int i = 0; i < argument.length() && !needsQuotes; i++) {
			char c = argument.charAt(i);
			needsQuotes = Character.isWhitespace(c) || c == '"' || c == '\'';
		}
		if (!needsQuotes) {
			return argument;
		}
		if (argument.indexOf('"') < 0) {
			return '"' + argument + '"';
		}
		if (argument.indexOf('\'') < 0) {
			return '\'' + argument + '\'';
		}
		throw new IllegalArgumentException("Cannot quote a JVM argument that contains both kinds of quote: "
				+ argument);
	}

	/**
	 * Quotes each argument and joins them with spaces.
	 *
	 * @param arguments the arguments
	 * @return the argLine
	 */
	public static String join(List<String> arguments) {
		List<String> quoted = new ArrayList<>(arguments.size());
		for (String argument : arguments) {
			quoted.add(quote(argument));
		}
		return String.join(" ", quoted);
	}

	/**
	 * Splits an argLine into arguments, as Surefire does before starting a fork.
	 *
	 * @param line the argLine, possibly {@code null}
	 * @return the arguments, without their quotes
	 * @throws IllegalArgumentException if a quote is not closed
	 */
	public static List<String> split(String line) {
		List<String> arguments = new ArrayList<>();
		if (line == null) {
			return arguments;
		}
		StringBuilder current = new StringBuilder();
		boolean inArgument = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				} else {
					current.append(c);
				}
			} else if (c == '"' || c == '\'') {
				quote = c;
				inArgument = true;
			} else if (Character.isWhitespace(c)) {
				if (inArgument) {
					arguments.add(current.toString());
					current.setLength(0);
					inArgument = false;
				}
			} else {
				current.append(c);
				inArgument = true;
			}
		}
		if (quote != 0) {
			throw new IllegalArgumentException("Unbalanced quotes in JVM arguments: " + line);
		}
		if (inArgument) {
			arguments.add(current.toString());
		}
		return arguments;
	}

	/**
	 * The JVM arguments that attach the agent: {@code -javaagent:<jar>} followed by the given options.
	 *
	 * @param agentJar the agent jar
	 * @param options further arguments, such as {@code AgentOptions.toJvmArguments()}
	 * @return the arguments, unquoted
	 */
	public static List<String> agentArguments(Path agentJar, List<String> options) {
		List<String> arguments = new ArrayList<>();
		arguments.add("-javaagent:" + agentJar.toAbsolutePath());
		arguments.addAll(options);
		return arguments;
	}

	/**
	 * Tells whether an argument is one that frontrun puts on a command line: a {@code -javaagent} for a frontrun
	 * agent jar (the given one, or any {@code frontrun-core-*-agent.jar}) or one of frontrun's
	 * {@code -Dfrontrun.*} options.
	 *
	 * @param argument one unquoted argument
	 * @param agentJar the agent jar in use, or {@code null}
	 * @return whether the argument is frontrun's
	 */
	public static boolean isFrontrunArgument(String argument, Path agentJar) {
		for (String prefix : FRONTRUN_PROPERTIES) {
			if (argument.startsWith(prefix)) {
				return true;
			}
		}
		if (!argument.startsWith("-javaagent:")) {
			return false;
		}
		String jar = argument.substring("-javaagent:".length());
		int options = jar.indexOf('=');
		if (options >= 0) {
			jar = jar.substring(0, options);
		}
		String fileName = jar.substring(Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\')) + 1);
		if (AGENT_JAR_NAME.matcher(fileName).matches()) {
			return true;
		}
		try {
			return agentJar != null && Path.of(jar).toAbsolutePath().normalize()
					.equals(agentJar.toAbsolutePath().normalize());
		} catch (RuntimeException invalidPath) {
			return false;
		}
	}

	/**
	 * Removes frontrun's arguments from an argLine. A line without any is returned unchanged; otherwise the
	 * remaining arguments are re-joined, quoted where needed.
	 *
	 * @param line the argLine, possibly {@code null}
	 * @param agentJar the agent jar in use, or {@code null}
	 * @return the line without frontrun's arguments; {@code ""} for {@code null}
	 */
	public static String withoutFrontrunArguments(String line, Path agentJar) {
		if (line == null) {
			return "";
		}
		List<String> arguments = split(line);
		List<String> kept = new ArrayList<>();
		for (String argument : arguments) {
			if (!isFrontrunArgument(argument, agentJar)) {
				kept.add(argument);
			}
		}
		return kept.size() == arguments.size() ? line : join(kept);
	}

	/**
	 * Puts arguments in front of an argLine, first removing frontrun's arguments from it, so that preparing the
	 * same line twice gives the same result (JaCoCo's {@code prepare-agent} semantics).
	 *
	 * @param first the arguments to put first, unquoted
	 * @param line the existing argLine, possibly {@code null}
	 * @param agentJar the agent jar in use, or {@code null}
	 * @return the new argLine
	 */
	public static String prepend(List<String> first, String line, Path agentJar) {
		String rest = withoutFrontrunArguments(line, agentJar).strip();
		String head = join(first);
		return rest.isEmpty() ? head : head + " " + rest;
	}

	/**
	 * Replaces the {@code @{name}} references in an argLine, as Surefire does just before it forks. A reference
	 * to a property that exists is replaced by the filtered value. Unlike Surefire, which leaves such a reference
	 * in place (and the fork then fails to start), a reference to a missing property is removed and reported.
	 *
	 * @param line the argLine, possibly {@code null}
	 * @param properties the properties to resolve from
	 * @param valueFilter applied to each property value before it is inserted
	 * @param missing receives the name of each missing property
	 * @return the line with the references replaced
	 */
	public static String resolveLateReferences(String line, Properties properties, UnaryOperator<String> valueFilter,
			Consumer<String> missing) {
		return replaceReferences(line, "@{", name -> {
			String value = properties.getProperty(name);
			if (value == null) {
				missing.accept(name);
				return "";
			}
			return valueFilter.apply(value);
		});
	}

	/**
	 * Replaces references such as {@code ${name}} or {@code @{name}}.
	 *
	 * @param text the text, possibly {@code null}
	 * @param opener {@code "${"} or {@code "@{"}
	 * @param lookup gives the replacement of a name, or {@code null} to leave the reference as it is
	 * @return the text with the references replaced
	 */
	public static String replaceReferences(String text, String opener, Function<String, String> lookup) {
		if (text == null || !text.contains(opener)) {
			return text;
		}
		StringBuilder result = new StringBuilder();
		int from = 0;
		while (true) {
			int start = text.indexOf(opener, from);
			int end = start < 0 ? -1 : text.indexOf('}', start + opener.length());
			if (start < 0 || end < 0) {
				return result.append(text, from, text.length()).toString();
			}
			String name = text.substring(start + opener.length(), end);
			String replacement = name.isEmpty() ? null : lookup.apply(name);
			result.append(text, from, start).append(replacement != null ? replacement : text.substring(start, end + 1));
			from = end + 1;
		}
	}
}
