package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The alternatives still to explore at one scheduling point: an ordered tree of event sequences (Abdulla et al.,
 * "Source Sets", JACM 2017, section 6). Each root is a thread to run next instead of the one that ran; the path to a
 * leaf is a sequence that reverses some race. Roots are taken in the order they were inserted, which is the order
 * the optimality proof relies on: a later branch never starts with anything an earlier branch has covered, so by the
 * time it runs, the threads put to sleep by earlier branches cannot block it.
 */
final class WakeupTree {

	/** A node: one event, and what may follow it. */
	static final class Node {

		final Event event;
		final List<Node> children = new ArrayList<>(2);

		Node(Event event) {
			this.event = event;
		}
	}

	/** What {@link #insert} did. */
	enum Insertion {

		/** The tree already had a branch that explores an equivalent sequence; nothing was added. */
		COVERED,

		/** A new branch was added. */
		INSERTED,

		/** A new branch was needed but the admission test refused it. */
		REFUSED
	}

	private static final int CONFLICTS = -2;
	private static final int INDEPENDENT = -1;

	/** The roots, or null for a tree that has had none yet, which most never have. */
	private List<Node> roots;

	private WakeupTree(List<Node> roots) {
		this.roots = roots;
	}

	static WakeupTree empty() {
		return new WakeupTree(null);
	}

	/** The tree made of a node's children, which are what follows the node once it has been taken. */
	static WakeupTree following(Node node) {
		return new WakeupTree(node.children);
	}

	boolean isEmpty() {
		return roots == null || roots.isEmpty();
	}

	/** Removes and returns the first root, with its subtree. */
	Node takeFirst() {
		return roots.remove(0);
	}

	/**
	 * Whether a thread's next event is a weak initial of a sequence run from the same point: the sequence has an
	 * equivalent that starts with it. That is the case when its first event in the sequence conflicts with nothing
	 * before it, or when it does not appear in the sequence and conflicts with none of it.
	 */
	static boolean isWeakInitial(Event next, List<Event> sequence) {
		return initialIndex(next, sequence) != CONFLICTS;
	}

	/**
	 * Where a thread's next event sits in a sequence run from the same point: its index if it appears there with
	 * nothing conflicting before it, {@link #INDEPENDENT} if it does not appear and conflicts with nothing in the
	 * sequence, and {@link #CONFLICTS} otherwise.
	 */
	private static int initialIndex(Event next, List<Event> sequence) {
		for (int index = 0; index < sequence.size(); index++) {
			Event event = sequence.get(index);
			if (event.thread() == next.thread()) {
				return index;
			}
			if (event.operation().conflictsWith(next.operation())) {
				return CONFLICTS;
			}
		}
		return INDEPENDENT;
	}

	/**
	 * Makes sure the tree explores a sequence, or an equivalent of some extension of it. Going down from the roots,
	 * the first child whose event is a weak initial of the rest of the sequence is followed, its event removed from
	 * the sequence if it appears there. Reaching a leaf, or using up the sequence, means an equivalent is already
	 * planned. Otherwise the rest of the sequence becomes a new last branch where the walk stopped.
	 *
	 * @param sequence the events to run, from this tree's scheduling point: a modifiable list that the tree takes
	 *        over and changes
	 * @param admission decides whether the new branch may be added, given every event on its path from the root
	 * @return what was done
	 */
	Insertion insert(List<Event> sequence, Predicate<List<Event>> admission) {
		if (roots == null) {
			roots = new ArrayList<>(2);
		}
		List<Event> rest = sequence;
		List<Event> path = new ArrayList<>(sequence.size());
		List<Node> level = roots;
		boolean descended = true;
		while (descended) {
			descended = false;
			for (Node child : level) {
				int index = initialIndex(child.event, rest);
				if (index == CONFLICTS) {
					continue;
				}
				if (index >= 0) {
					if (rest.size() == 1) {
						return Insertion.COVERED;
					}
					rest.remove(index);
				}
				if (child.children.isEmpty()) {
					return Insertion.COVERED;
				}
				path.add(child.event);
				level = child.children;
				descended = true;
				break;
			}
		}
		path.addAll(rest);
		if (!admission.test(path)) {
			return Insertion.REFUSED;
		}
		for (Event event : rest) {
			Node node = new Node(event);
			level.add(node);
			level = node.children;
		}
		return Insertion.INSERTED;
	}
}
