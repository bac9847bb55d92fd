package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import dev.frontrun.internal.engine.GuidedScheduler.Run;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The random, PCT and POS schedulers, and the guided one that shrinking uses, on simulated programs. */
class SamplingSchedulersTest {

	/** One simulated execution under a scheduler: its report, and the machine to look at the memory. */
	record Ran(ExecutionReport report, Machine machine) {
	}

	static Ran runOne(Scheduler scheduler, Program program) {
		Machine machine = program.load();
		for (int thread = 0; thread < machine.initialThreads(); thread++) {
			scheduler.started(thread);
		}
		machine.start(new Machine.Listener() {

			@Override
			public void spawned(int parent, int child) {
				scheduler.spawned(parent, child);
			}

			@Override
			public void announced(int thread, Operation operation) {
				scheduler.announce(thread, operation);
			}

			@Override
			public void finished(int thread) {
				scheduler.finished(thread);
			}
		});
		for (OptionalInt next = scheduler.nextThread(); next.isPresent(); next = scheduler.nextThread()) {
			int thread = next.getAsInt();
			scheduler.executed(thread, machine.perform(thread));
			machine.advance(thread);
		}
		ExecutionReport report = scheduler.endExecution();
		assertEquals(machine.steps(), report.schedule(), "the scheduler's schedule is what the machine ran");
		return new Ran(report, machine);
	}

	static List<Ran> sample(Supplier<Sampler> samplers, Program program, int attempts) {
		Sampler sampler = samplers.get();
		List<Ran> runs = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			runs.add(runOne(sampler.next(), program));
		}
		return runs;
	}

	static List<Supplier<Sampler>> all(long seed) {
		return List.of(() -> Sampler.random(seed, 10_000), () -> Sampler.pct(2, seed, 10_000),
				() -> Sampler.pct(3, seed, 10_000), () -> Sampler.pos(seed, 10_000));
	}

	private static List<List<Step>> schedules(List<Ran> runs) {
		return runs.stream().map(run -> run.report().schedule()).toList();
	}

	@Test
	void theSameSeedGivesTheSameSchedulesAndAnotherSeedOthers() {
		Program program = Programs.lockCounter();
		for (int i = 0; i < 4; i++) {
			List<List<Step>> first = schedules(sample(all(42).get(i), program, 50));
			List<List<Step>> again = schedules(sample(all(42).get(i), program, 50));
			List<List<Step>> other = schedules(sample(all(43).get(i), program, 50));
			assertEquals(first, again, "sampler " + i);
			assertNotEquals(first, other, "sampler " + i);
		}
	}

	@Test
	void everySamplerFindsTheLostUpdateOfTwoIncrements() {
		for (Supplier<Sampler> sampler : all(7)) {
			List<Ran> runs = sample(sampler, Programs.inc(2), 100);
			assertTrue(runs.stream().anyMatch(run -> run.machine().load(Programs.cell(0)) == 1),
					"no lost update in 100 attempts");
			assertTrue(runs.stream().anyMatch(run -> run.machine().load(Programs.cell(0)) == 2),
					"no serial execution in 100 attempts");
		}
	}

	@Test
	void locksAreRespectedAndEveryOrderOfCriticalSectionsIsSampled() {
		for (Supplier<Sampler> sampler : all(11)) {
			// the machine fails if two threads hold the lock; lockinc(3) has 3! orders of its critical sections
			List<Ran> runs = sample(sampler, Programs.lockInc(3), 300);
			Set<List<Integer>> orders = new HashSet<>();
			for (Ran run : runs) {
				assertEquals(Outcome.COMPLETED, run.report().outcome());
				assertEquals(3, run.machine().load(Programs.cell(0)));
				List<Integer> order = new ArrayList<>();
				for (Step step : run.report().schedule()) {
					if (step.operation().kind() == AccessKind.ACQUIRE) {
						order.add(step.thread());
					}
				}
				orders.add(order);
			}
			assertEquals(6, orders.size(), "orders of the critical sections: " + orders);
		}
	}

	@Test
	void joinsWaitForTheJoinedThread() {
		for (Supplier<Sampler> sampler : all(3)) {
			for (Ran run : sample(sampler, Programs.spawnIncrements(2, true), 50)) {
				assertEquals(Outcome.COMPLETED, run.report().outcome());
			}
		}
	}

	@Test
	void deadlocksEndTheExecutionAndAreSampled() {
		for (Supplier<Sampler> sampler : all(5)) {
			List<Ran> runs = sample(sampler, Programs.opposedLocks(), 200);
			assertTrue(runs.stream().anyMatch(run -> run.report().outcome() == Outcome.DEADLOCKED));
			assertTrue(runs.stream().anyMatch(run -> run.report().outcome() == Outcome.COMPLETED));
		}
	}

	@Test
	void pctOfDepthOneNeverPreempts() {
		for (Ran run : sample(() -> Sampler.pct(1, 9, 10_000), Programs.inc(3), 50)) {
			int switches = 0;
			List<Step> schedule = run.report().schedule();
			for (int i = 1; i < schedule.size(); i++) {
				switches += schedule.get(i).thread() != schedule.get(i - 1).thread() ? 1 : 0;
			}
			assertEquals(2, switches, "three threads, each run to its end: " + schedule);
		}
	}

	@Test
	void pctEstimatesTheStepsFromEarlierExecutions() {
		Sampler sampler = Sampler.pct(2, 1, 10_000);
		SamplingScheduler first = sampler.next();
		runOne(first, Programs.inc(2));
		assertEquals(0, first.preemptions(), "the first execution has no estimate of k, so no change point");
		boolean preempted = false;
		for (int i = 0; i < 50; i++) {
			SamplingScheduler next = sampler.next();
			runOne(next, Programs.inc(2));
			preempted |= next.preemptions() > 0;
		}
		assertTrue(preempted, "later executions have change points among their 4 steps");
	}

	@Test
	void anExecutionThatReachesTheStepLimitIsAbandoned() {
		SamplingScheduler scheduler = Sampler.random(1, 5).next();
		Ran run = runOne(scheduler, Programs.lockCounter());
		assertEquals(5, run.report().schedule().size());
		assertEquals(Outcome.ABANDONED, run.report().outcome());
		assertTrue(scheduler.stepLimitReached());
	}

	@Test
	void aGuidedSchedulerFollowingTheRunsOfAScheduleRepeatsIt() {
		for (Ran run : sample(() -> Sampler.random(21, 10_000), Programs.lockCounter(), 30)) {
			List<Step> schedule = run.report().schedule();
			GuidedScheduler guided = new GuidedScheduler(1_000, GuidedScheduler.runsOf(schedule));
			assertEquals(schedule, runOne(guided, Programs.lockCounter()).report().schedule());
		}
	}

	@Test
	void aGuidedSchedulerGoesOnWithoutPreemptingWhenThePlanRunsOut() {
		GuidedScheduler guided = new GuidedScheduler(1_000, List.of(new Run(0, 1), new Run(1, 1)));
		Ran run = runOne(guided, Programs.inc(2));
		assertEquals(List.of(0, 1, 1, 0), run.report().schedule().stream().map(Step::thread).toList());
		assertEquals(1, guided.preemptions());
		assertEquals(1, run.machine().load(Programs.cell(0)), "the lost update");
	}

	@Test
	void aGuidedSchedulerRunsAnotherThreadWhereThePlannedOneIsBlocked() {
		// thread 1 is planned first but thread 0 holds the lock after its first step
		GuidedScheduler guided = new GuidedScheduler(1_000, List.of(new Run(0, 1), new Run(1, 4)));
		Ran run = runOne(guided, Programs.lockInc(2));
		assertEquals(Outcome.COMPLETED, run.report().outcome());
		assertEquals(0, guided.preemptions(), "switching from a thread that waits for a lock is not a preemption");
		assertEquals(2, run.machine().load(Programs.cell(0)));
	}

	@Test
	void invalidParametersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> Sampler.pct(0, 1, 10));
		assertThrows(IllegalArgumentException.class, () -> Sampler.random(1, 0));
		assertThrows(IllegalArgumentException.class, () -> new Run(0, 0));
		assertFalse(Sampler.pos(1, 10).attempts() > 0);
	}
}
