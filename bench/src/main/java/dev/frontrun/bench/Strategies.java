package dev.frontrun.bench;

import dev.frontrun.Strategy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns a strategy named on the command line into a {@link Strategy} of the frontrun under test: {@code dpor} (or
 * {@code dpor/ORDER}, DPOR with one of its search orders, such as {@code dpor/conflict-first}), {@code random},
 * {@code pct} or {@code pct:DEPTH}, {@code pos}. The randomized ones are looked up by reflection
 * ({@code Strategy.random(long seed)}, {@code Strategy.pct(int depth, long seed)}, {@code Strategy.pos(long seed)},
 * the API of issue 4), so that the harness compiles against a frontrun that has only DPOR, and their rows fill in
 * once a frontrun that has them is built.
 */
public final class Strategies {

	/** PCT's bug depth when none is named: 3 (two priority-change points). */
	public static final int DEFAULT_PCT_DEPTH = 3;

	private Strategies() {
	}

	/**
	 * @param spec such as {@code dpor}, {@code random}, {@code pct:3}, {@code pos}
	 * @return whether this frontrun has the strategy
	 */
	public static boolean available(String spec) {
		try {
			strategy(spec, 1);
			return true;
		} catch (UnsupportedOperationException e) {
			return false;
		}
	}

	/**
	 * @param spec such as {@code dpor}, {@code random}, {@code pct:3}, {@code pos}
	 * @param seed the seed of a randomized strategy
	 * @return the strategy
	 * @throws UnsupportedOperationException if this frontrun does not have it
	 */
	public static Strategy strategy(String spec, long seed) {
		String[] parts = spec.split("/")[0].split(":");
		String name = parts[0];
		return switch (name) {
		case "dpor" -> Strategy.dpor();
		case "random", "pos" -> invoke(name, new Class<?>[] { long.class }, seed);
		case "pct" -> invoke(name, new Class<?>[] { int.class, long.class },
				parts.length > 1 ? Integer.parseInt(parts[1]) : DEFAULT_PCT_DEPTH, seed);
		default -> throw new IllegalArgumentException("unknown strategy " + spec);
		};
	}

	/** @return whether the strategy draws random schedules (and so takes a seed per run) */
	static boolean randomized(String spec) {
		return !spec.startsWith("dpor");
	}

	private static Strategy invoke(String name, Class<?>[] types, Object... args) {
		Method method;
		try {
			method = Strategy.class.getMethod(name, types);
		} catch (NoSuchMethodException e) {
			throw new UnsupportedOperationException("this frontrun has no Strategy." + name
					+ describe(types) + " (issue 4 adds it)");
		}
		if (!Modifier.isStatic(method.getModifiers()) || !Strategy.class.isAssignableFrom(method.getReturnType())) {
			throw new UnsupportedOperationException("Strategy." + name + describe(types) + " is not a factory");
		}
		try {
			return (Strategy) method.invoke(null, args);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Strategy." + name + " failed", e);
		}
	}

	private static String describe(Class<?>[] types) {
		StringBuilder out = new StringBuilder("(");
		for (int i = 0; i < types.length; i++) {
			out.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
		}
		return out.append(')').toString();
	}
}
