package dev.frontrun.internal.engine;

import dev.frontrun.internal.engine.Execution.ReversibleRace;
import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Decides which thread runs at each scheduling point so that, over successive executions of a program, every
 * Mazurkiewicz trace is explored exactly once: optimal dynamic partial-order reduction with source sets, wakeup trees
 * and sleep sets (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014; "Source Sets", JACM 2017, Algorithm 2). The engine
 * knows nothing of how threads run; a runtime drives real (or simulated) threads and tells it what they do.
 *
 * <h2>Driving it</h2>
 * The runtime runs one thread at a time between scheduling points. Each scheduling point is one {@link Operation}:
 * the runtime learns it before it happens (a bytecode hook sees the field, the lock or the thread) and announces it.
 * <pre>{@code
 * DporExplorer explorer = new DporExplorer(ExplorerOptions.defaults());
 * while (explorer.beginExecution()) {
 *     // fresh program state; for each thread the setup starts: explorer.started(thread)
 *     // each thread runs up to its first scheduling point: explorer.announce(thread, operation),
 *     // or explorer.finished(thread) if it has none
 *     for (OptionalInt next = explorer.nextThread(); next.isPresent(); next = explorer.nextThread()) {
 *         // let that thread perform its announced operation, then explorer.executed(thread, whatItDid);
 *         // it runs on to its next scheduling point: announce(...) or finished(...),
 *         // with spawned(thread, child) for each thread it starts on the way (the child then announces too)
 *     }
 *     ExecutionReport report = explorer.endExecution();  // schedule, races, deadlock
 * }
 * boolean everyTraceExplored = explorer.exhausted();
 * }</pre>
 * Threads are numbered by the runtime: small non-negative numbers, given in the same order in every execution.
 * {@link #nextThread()} returns nothing when no thread can run: either all have finished, or the remaining ones are
 * deadlocked, which {@link #endExecution()} reports with what each blocked thread waits for.
 *
 * <h2>Dependency</h2>
 * Execution is sequentially consistent. Two operations of different threads are dependent when they use the same
 * resource and both are memory accesses of which one writes, or both are lock operations (see
 * {@link Operation#conflictsWith}). Spawning and joining order threads but conflict with nothing. Traces are the
 * classes of executions that differ only by swapping adjacent independent operations.
 *
 * <h2>Locks</h2>
 * A thread whose announced operation acquires a lock held by another thread is disabled, as is one that joins an
 * unfinished thread. Blocking makes the classic race between a release and the next acquisition irreversible (just
 * before the release, the acquisition is disabled), so locks follow Nidhugg: an outermost acquisition races with the
 * previous outermost acquisition of the same lock by another thread, unless that one already happens before it by
 * another path. Reversing that race runs the later acquisition just before the earlier one, where the lock is free;
 * the acquisition still happens after the previous release, which is what orders the two critical sections. A thread
 * still blocked on a lock when an execution ends (deadlock) races the same way with the holder's acquisition, so the
 * schedules where it wins the lock are explored too. Reentrant acquisitions and releases inside an outer one change
 * nothing other threads can see. This gives one execution per order of critical sections, and N! for N threads
 * contending for one lock. Read-write locks have shared holds ({@link AccessKind#ACQUIRE_SHARED}): shared
 * acquisitions are independent of each other, and an exclusive acquisition races with the shared ones since the last
 * exclusive one; readers alone take one execution, whatever their number.
 *
 * <h2>Bounds</h2>
 * With a preemption bound, a race reversal whose schedule would need more preemptions is dropped, and free choices
 * keep the running thread once the budget is spent. A dropped reversal is not replaced by a cheaper schedule of the
 * same trace (there is no conservative backtracking as in bounded partial-order reduction), so a bounded search can
 * miss traces that some schedule within the bound reaches. With a limit on executions, the search stops there. Either
 * way {@link #exhausted()} is false if anything was left out.
 *
 * <h2>Order</h2>
 * Free choices, where no race reversal dictates the thread, follow the {@link SearchOrder}; every order explores
 * one execution per trace. The search is deterministic: the same options and the same program give the same
 * schedules in the same order.
 */
public final class DporExplorer implements Scheduler {

	private final ExplorerOptions options;
	private final FreeChoice freeChoice;
	private final List<Position> path = new ArrayList<>();
	private long executions;
	private boolean nothingLeft;
	private boolean cut;
	/** The current execution; one object, cleared for each execution, so that its tables keep their room. */
	private final Execution execution = new Execution();
	private final IntFunction<Operation> announced = execution::announced;
	private boolean executing;
	private int chosenThread = -1;
	private boolean chosenPreempts;

	/**
	 * Creates an explorer that has explored nothing yet.
	 *
	 * @param options how to explore
	 */
	public DporExplorer(ExplorerOptions options) {
		this.options = options;
		this.freeChoice = new FreeChoice(options.searchOrder());
	}

	/**
	 * Creates an explorer whose first execution replays a schedule, step by step, to reproduce an execution; it
	 * throws {@link ReplayDivergenceException} where the program no longer does what the schedule says.
	 *
	 * @param schedule the steps of the execution to replay, as an {@link ExecutionReport} gives them
	 * @return the explorer, ready for {@link #beginExecution()}
	 */
	public static DporExplorer replaying(List<Step> schedule) {
		DporExplorer explorer = new DporExplorer(ExplorerOptions.defaults());
		for (Step step : schedule) {
			Position position = new Position(new ArrayList<>(), WakeupTree.empty(), 0);
			position.chosen = new Event(step.thread(), step.operation());
			explorer.path.add(position);
		}
		return explorer;
	}

	/**
	 * Starts the next execution, if there is one to explore.
	 *
	 * @return false when every trace has been explored or the limit on executions is reached
	 */
	public boolean beginExecution() {
		if (executing) {
			throw new IllegalStateException("beginExecution() called before endExecution() ended the last execution");
		}
		if (nothingLeft || executions >= options.maxExecutions()) {
			return false;
		}
		execution.clear();
		executing = true;
		return true;
	}

	/**
	 * Registers a thread started by the setup, before or outside the explored part of the program.
	 *
	 * @param thread its number
	 */
	@Override
	public void started(int thread) {
		requireBetweenSteps("started");
		execution.start(thread);
	}

	/**
	 * Registers a thread started by a running thread: everything the parent did before happens before the child.
	 *
	 * @param parent the thread that started it
	 * @param child its number
	 */
	@Override
	public void spawned(int parent, int child) {
		requireBetweenSteps("spawned");
		execution.spawn(parent, child);
	}

	/**
	 * Tells what a running thread will do at its next scheduling point, where it now waits.
	 *
	 * @param thread the thread
	 * @param next its next operation; may over-approximate what it will do (a compare-and-set as a write)
	 */
	@Override
	public void announce(int thread, Operation next) {
		requireBetweenSteps("announce");
		execution.announce(thread, next);
	}

	/**
	 * Tells what a thread that waited to be notified does now that it has been: its announced
	 * {@link AccessKind#WAIT} is replaced, usually by re-acquiring the monitor.
	 *
	 * <p>Everything the notifier did so far happens before what the notified thread does next, so no reordering
	 * that would run it before the notification is explored.
	 *
	 * @param notifier the thread that notified it, which has just performed the notification
	 * @param thread the thread that was notified
	 * @param next its next operation
	 */
	@Override
	public void notified(int notifier, int thread, Operation next) {
		requireBetweenSteps("notified");
		execution.notified(notifier, thread, next);
	}

	/**
	 * Tells that a running thread has ended, normally or not, without reaching another scheduling point.
	 *
	 * @param thread the thread
	 */
	@Override
	public void finished(int thread) {
		requireBetweenSteps("finished");
		execution.finish(thread);
	}

	/**
	 * Chooses the thread that performs its announced operation next. Every running thread must have announced its
	 * operation.
	 *
	 * @return the thread, or nothing when no thread can run: all have finished, or the rest are deadlocked
	 * @throws ReplayDivergenceException if the schedule being replayed names a thread that cannot run
	 */
	@Override
	public OptionalInt nextThread() {
		requireBetweenSteps("nextThread");
		int[] running = execution.running();
		int[] enabled = execution.enabled(running);
		if (enabled.length == 0) {
			return OptionalInt.empty();
		}
		int step = execution.length();
		Position position = step < path.size() ? path.get(step) : arrive();
		int thread;
		if (position.chosen != null) {
			thread = position.chosen.thread();
		} else if (!position.alternatives.isEmpty()) {
			position.guide = position.alternatives.takeFirst();
			thread = position.guide.event.thread();
		} else {
			thread = chooseFreely(position, enabled, running);
		}
		if (Arrays.binarySearch(enabled, thread) < 0) {
			throw new ReplayDivergenceException("At step " + step + " the schedule being replayed runs thread " + thread
					+ ", which cannot run now; threads able to run: " + Arrays.toString(enabled));
		}
		int previous = execution.previousThread();
		chosenPreempts = previous >= 0 && previous != thread && Arrays.binarySearch(enabled, previous) >= 0;
		chosenThread = thread;
		return ChosenThread.of(thread);
	}

	/**
	 * Tells that the chosen thread has performed its operation.
	 *
	 * @param thread the thread {@link #nextThread()} chose
	 * @param operation what it did, which may be more precise than what it announced (a failed compare-and-set is a
	 *        read); a thread that failed while performing the operation still reports it
	 * @throws ReplayDivergenceException if the schedule being replayed expected another operation here
	 */
	@Override
	public void executed(int thread, Operation operation) {
		requireExecution("executed");
		if (thread != chosenThread) {
			throw new IllegalStateException(chosenThread < 0 ? "executed() called for thread " + thread
					+ " but nextThread() chose no thread" : "executed() called for thread " + thread
					+ " but nextThread() chose thread " + chosenThread);
		}
		Position position = path.get(execution.length());
		Event event = execution.add(thread, operation, chosenPreempts);
		boolean repeated = position.chosen != null ? position.chosen.equals(event)
				: position.guide == null || position.guide.event.operation().mayBePerformedAs(operation);
		if (!repeated) {
			Event expected = position.chosen != null ? position.chosen : position.guide.event;
			throw new ReplayDivergenceException("At step " + (execution.length() - 1) + " thread " + thread
					+ " performed " + operation + " where an earlier execution with the same schedule performed "
					+ expected.operation());
		}
		position.chosen = event;
		chosenThread = -1;
	}

	/**
	 * Ends the current execution: plans the reversal of its races and moves on to the next alternative.
	 *
	 * @return what happened in it
	 */
	@Override
	public ExecutionReport endExecution() {
		requireBetweenSteps("endExecution");
		Outcome outcome = execution.outcome();
		if (outcome == Outcome.ABANDONED) {
			cut = true;
		}
		reverseRaces();
		ExecutionReport report = execution.report(executions, outcome);
		executions++;
		executing = false;
		backtrack();
		return report;
	}

	/**
	 * How many executions have ended.
	 *
	 * @return the count
	 */
	public long executions() {
		return executions;
	}

	/**
	 * Whether every trace has been explored: nothing is left, and neither the preemption bound, the limit on
	 * executions nor an abandoned execution left anything out.
	 *
	 * @return true if the exploration was complete
	 */
	public boolean exhausted() {
		return nothingLeft && !cut;
	}

	/** Adds the position the execution has just reached for the first time. */
	private Position arrive() {
		int step = execution.length();
		Position position;
		if (step == 0) {
			position = new Position(new ArrayList<>(), WakeupTree.empty(), 0);
		} else {
			Position previous = path.get(step - 1);
			WakeupTree alternatives = previous.guide == null ? WakeupTree.empty() : WakeupTree.following(previous.guide);
			position = new Position(previous.sleepAfterChosen(), alternatives, execution.preemptions());
		}
		path.add(position);
		return position;
	}

	private int chooseFreely(Position position, int[] enabled, int[] running) {
		int previous = execution.previousThread();
		Integer bound = options.preemptionBound();
		if (bound != null && execution.preemptions() >= bound && Arrays.binarySearch(enabled, previous) >= 0) {
			return previous;
		}
		int[] awake = awake(position, enabled);
		if (awake.length == 0) {
			throw new IllegalStateException("Every thread able to run at step " + execution.length() + " is asleep, "
					+ "which optimal DPOR rules out: this is a bug in the engine");
		}
		return freeChoice.choose(awake, previous, running, announced);
	}

	/** The enabled threads not asleep at a position: the given array itself when none is. */
	private static int[] awake(Position position, int[] enabled) {
		int count = 0;
		for (int thread : enabled) {
			if (!position.isAsleep(thread)) {
				count++;
			}
		}
		if (count == enabled.length) {
			return enabled;
		}
		int[] awake = new int[count];
		int next = 0;
		for (int thread : enabled) {
			if (!position.isAsleep(thread)) {
				awake[next++] = thread;
			}
		}
		return awake;
	}

	private void reverseRaces() {
		RaceReversal reversal = new RaceReversal(path, execution, admission());
		for (ReversibleRace race : execution.reversibleRaces()) {
			if (reversal.reverse(race.earlier(), race.later()) == WakeupTree.Insertion.REFUSED) {
				cut = true;
			}
		}
	}

	/** Admits every planned sequence, or, with a preemption bound, those whose schedule stays within it. */
	private RaceReversal.Admission admission() {
		Integer bound = options.preemptionBound();
		if (bound == null) {
			return (position, sequence) -> true;
		}
		PreemptionCount preemptionCount = new PreemptionCount(execution);
		return (position, sequence) -> preemptionCount.of(position, path.get(position).preemptionsBefore, sequence)
				<= bound;
	}

	/** Drops the positions with nothing left to explore and retires the chosen event of the deepest other one. */
	private void backtrack() {
		while (!path.isEmpty()) {
			Position last = path.get(path.size() - 1);
			if (!last.alternatives.isEmpty()) {
				if (last.chosen != null) {
					last.retireChosen();
				}
				return;
			}
			path.remove(path.size() - 1);
		}
		nothingLeft = true;
	}

	private void requireExecution(String method) {
		if (!executing) {
			throw new IllegalStateException(method + "() called outside an execution: call beginExecution() first");
		}
	}

	private void requireBetweenSteps(String method) {
		requireExecution(method);
		if (chosenThread >= 0) {
			throw new IllegalStateException(method + "() called while thread " + chosenThread
					+ " was chosen to run: report its operation with executed() first");
		}
	}
}
