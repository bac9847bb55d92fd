package dev.frontrun.bench;

import benchmarks.workloads.AtomicIncrements;
import benchmarks.workloads.BoundedBuffer;
import benchmarks.workloads.Indexer;
import benchmarks.workloads.LastZero;
import benchmarks.workloads.LostUpdate;
import benchmarks.workloads.Philosophers;
import benchmarks.workloads.Reorder;
import java.util.List;

/** The workloads of the benchmark (issue 5), in table order. */
public final class Workloads {

	private Workloads() {
	}

	/** @return every workload */
	public static List<Workload<?>> all() {
		return List.of(
				new AtomicIncrements("w1", 2, 3, 1_000_000),
				new AtomicIncrements("w4", 3, 5, 10_000),
				new LostUpdate(),
				new Philosophers(),
				new LastZero(10),
				new Indexer(13),
				new Reorder(4),
				new BoundedBuffer(false, 1),
				new BoundedBuffer(true, 1));
	}

	/**
	 * @param id a workload's id
	 * @return the workload
	 * @throws IllegalArgumentException for an unknown id
	 */
	public static Workload<?> byId(String id) {
		for (Workload<?> workload : all()) {
			if (workload.id().equals(id)) {
				return workload;
			}
		}
		throw new IllegalArgumentException("no workload " + id + "; there are "
				+ all().stream().map(Workload::id).toList());
	}
}
