package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Drives a {@link DporExplorer} over a simulated program as a runtime drives it over real threads. */
final class Simulation {

	/**
	 * What an exploration did.
	 *
	 * @param reports every execution's report, in order
	 * @param exhausted what the explorer said at the end
	 */
	record Exploration(List<ExecutionReport> reports, boolean exhausted) {

		int executions() {
			return reports.size();
		}

		long deadlocks() {
			return reports.stream().filter(report -> report.outcome() == Outcome.DEADLOCKED).count();
		}

		List<List<Step>> schedules() {
			return reports.stream().map(ExecutionReport::schedule).toList();
		}

		List<String> fingerprints() {
			return reports.stream()
					.map(report -> TraceFingerprint.of(report.schedule(), report.outcome() == Outcome.DEADLOCKED))
					.toList();
		}
	}

	private Simulation() {
	}

	static Exploration explore(Program program, ExplorerOptions options) {
		DporExplorer explorer = new DporExplorer(options);
		List<ExecutionReport> reports = new ArrayList<>();
		while (explorer.beginExecution()) {
			reports.add(runOne(explorer, program));
			assertEquals(reports.size(), explorer.executions());
		}
		return new Exploration(reports, explorer.exhausted());
	}

	static Exploration explore(Program program) {
		return explore(program, ExplorerOptions.defaults());
	}

	/** Runs one execution under the explorer's schedule, which must already have begun, and ends it. */
	static ExecutionReport runOne(DporExplorer explorer, Program program) {
		Machine machine = program.load();
		for (int thread = 0; thread < machine.initialThreads(); thread++) {
			explorer.started(thread);
		}
		machine.start(new Machine.Listener() {

			@Override
			public void spawned(int parent, int child) {
				explorer.spawned(parent, child);
			}

			@Override
			public void announced(int thread, Operation operation) {
				explorer.announce(thread, operation);
			}

			@Override
			public void finished(int thread) {
				explorer.finished(thread);
			}
		});
		for (OptionalInt next = explorer.nextThread(); next.isPresent(); next = explorer.nextThread()) {
			int thread = next.getAsInt();
			explorer.executed(thread, machine.perform(thread));
			machine.advance(thread);
		}
		ExecutionReport report = explorer.endExecution();
		assertEquals(machine.steps(), report.schedule(), "the engine's schedule is what the machine ran");
		assertEquals(machine.allFinished(), report.outcome() == Outcome.COMPLETED);
		return report;
	}
}
