package dev.frontrun.bench.fray;

import dev.frontrun.bench.Workload;
import dev.frontrun.bench.Workloads;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.ConcurrencyTest;

/**
 * The Fray side of every workload, written the way a Fray user writes a test: a {@code @ConcurrencyTest} whose
 * body starts the threads, joins them and checks the state. Fray runs the body {@link #ITERATIONS} times (fewer if
 * it finds a bug) under the named scheduler, each iteration reported to JUnit as one test. The workload is named
 * by the system property {@code bench.workload} (Fray may reload classes per iteration, so no static state is
 * shared with the driver).
 */
@ExtendWith(FrayTestExtension.class)
class FrayWorkloadTest {

	/** Fray iterations per run. A compile-time constant, because an annotation needs one. */
	static final int ITERATIONS = 1000;
	/** Fray iterations per run in the harness's quick mode. */
	static final int QUICK_ITERATIONS = 200;

	@ConcurrencyTest(iterations = ITERATIONS, scheduler = POSScheduler.class)
	void pos() throws InterruptedException {
		workload().runPlain();
	}

	@ConcurrencyTest(iterations = ITERATIONS, scheduler = PCTScheduler.class)
	void pct() throws InterruptedException {
		workload().runPlain();
	}

	@ConcurrencyTest(iterations = QUICK_ITERATIONS, scheduler = POSScheduler.class)
	void posQuick() throws InterruptedException {
		workload().runPlain();
	}

	@ConcurrencyTest(iterations = QUICK_ITERATIONS, scheduler = PCTScheduler.class)
	void pctQuick() throws InterruptedException {
		workload().runPlain();
	}

	private static Workload<?> workload() {
		return Workloads.byId(System.getProperty("bench.workload"));
	}
}
