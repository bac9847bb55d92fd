package dev.frontrun.internal.engine;

import java.util.Objects;

/**
 * How a {@link DporExplorer} explores.
 *
 * @param preemptionBound the most preemptions an explored schedule may have (switching away from a thread that could
 *        have gone on), or null for no bound; a bound that cuts anything makes {@link DporExplorer#exhausted()} false
 * @param searchOrder how threads are picked at free scheduling points
 * @param maxExecutions the most executions to explore
 */
public record ExplorerOptions(Integer preemptionBound, SearchOrder searchOrder, long maxExecutions) {

	/**
	 * Checks the options.
	 *
	 * @param preemptionBound the most preemptions per schedule, or null
	 * @param searchOrder how threads are picked at free scheduling points
	 * @param maxExecutions the most executions to explore
	 */
	public ExplorerOptions {
		Objects.requireNonNull(searchOrder, "searchOrder");
		if (preemptionBound != null && preemptionBound < 0) {
			throw new IllegalArgumentException("preemptionBound must be null (unbounded) or at least 0, got "
					+ preemptionBound);
		}
		if (maxExecutions < 1) {
			throw new IllegalArgumentException("maxExecutions must be at least 1, got " + maxExecutions);
		}
	}

	/**
	 * The defaults: no preemption bound, depth-first order, no limit on executions.
	 *
	 * @return the default options
	 */
	public static ExplorerOptions defaults() {
		return new ExplorerOptions(null, SearchOrder.dfs(), Long.MAX_VALUE);
	}

	/**
	 * These options with another preemption bound.
	 *
	 * @param bound the most preemptions per schedule, or null for none
	 * @return the new options
	 */
	public ExplorerOptions withPreemptionBound(Integer bound) {
		return new ExplorerOptions(bound, searchOrder, maxExecutions);
	}

	/**
	 * These options with another search order.
	 *
	 * @param order how threads are picked at free scheduling points
	 * @return the new options
	 */
	public ExplorerOptions withSearchOrder(SearchOrder order) {
		return new ExplorerOptions(preemptionBound, order, maxExecutions);
	}

	/**
	 * These options with another limit on executions.
	 *
	 * @param limit the most executions to explore
	 * @return the new options
	 */
	public ExplorerOptions withMaxExecutions(long limit) {
		return new ExplorerOptions(preemptionBound, searchOrder, limit);
	}
}
