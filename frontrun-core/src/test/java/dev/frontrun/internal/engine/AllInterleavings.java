package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Enumerates every interleaving of a small simulated program, without any reduction, by replaying prefixes. */
final class AllInterleavings {

	private AllInterleavings() {
	}

	/** The fingerprints of the traces of every maximal interleaving, deadlocked ones included. */
	static Set<String> traces(Program program) {
		Set<String> traces = new LinkedHashSet<>();
		extend(program, new ArrayList<>(), traces);
		return traces;
	}

	private static void extend(Program program, List<Integer> prefix, Set<String> traces) {
		Machine machine = program.load();
		machine.start();
		for (int thread : prefix) {
			machine.perform(thread);
			machine.advance(thread);
		}
		List<Integer> runnable = machine.runnable();
		if (runnable.isEmpty()) {
			traces.add(TraceFingerprint.of(machine.steps(), !machine.allFinished()));
			return;
		}
		for (int thread : runnable) {
			prefix.add(thread);
			extend(program, prefix, traces);
			prefix.remove(prefix.size() - 1);
		}
	}
}
