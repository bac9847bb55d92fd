package dev.frontrun.internal.trace;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every order-preserving merge of some threads' marker sequences, in a fixed order.
 *
 * <p>A merge is fully given by which thread takes each step: thread {@code t} takes its markers in order, so the
 * {@code j}-th step that names {@code t} passes {@code t}'s {@code j}-th marker. The merges are thus the distinct
 * permutations of the multiset holding each thread's index once per marker, and there are (Σk)!/Πk! of them. They
 * are enumerated in lexicographic order of those thread-index sequences: first every thread in turn, alone (thread
 * 0's markers, then thread 1's, ...), last the reverse. The order depends only on the threads and their markers, so
 * every run enumerates the same schedules in the same order.
 */
public final class MarkerSchedules implements Iterable<List<Integer>> {

	private final List<String> names;
	private final List<List<String>> markers;

	/**
	 * Creates the merges of the given threads' markers.
	 *
	 * @param names the threads' names, by index
	 * @param markers each thread's markers, in the order it passes them, by index
	 */
	public MarkerSchedules(List<String> names, List<List<String>> markers) {
		if (names.size() != markers.size()) {
			throw new IllegalArgumentException(names.size() + " names for " + markers.size() + " marker lists");
		}
		this.names = List.copyOf(names);
		List<List<String>> copies = new ArrayList<>();
		for (List<String> list : markers) {
			copies.add(List.copyOf(list));
		}
		this.markers = List.copyOf(copies);
	}

	/**
	 * Returns the number of merges, the multinomial coefficient (Σk)!/Πk! of the threads' marker counts.
	 *
	 * @return the number of schedules {@link #iterator()} gives
	 */
	public BigInteger count() {
		BigInteger count = BigInteger.ONE;
		int placed = 0;
		for (List<String> list : markers) {
			// choose the positions of this thread's steps among those placed so far plus its own
			for (int i = 1; i <= list.size(); i++) {
				count = count.multiply(BigInteger.valueOf(placed + i)).divide(BigInteger.valueOf(i));
			}
			placed += list.size();
		}
		return count;
	}

	/**
	 * Enumerates the merges lazily, as the thread index that takes each step.
	 *
	 * @return the merges, in lexicographic order of their thread-index sequences
	 */
	@Override
	public Iterator<List<Integer>> iterator() {
		int steps = 0;
		for (List<String> list : markers) {
			steps += list.size();
		}
		int[] first = new int[steps];
		int at = 0;
		for (int thread = 0; thread < markers.size(); thread++) {
			for (int j = 0; j < markers.get(thread).size(); j++) {
				first[at++] = thread;
			}
		}
		return new Iterator<>() {
			private int[] next = first.length == 0 ? null : first;

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public List<Integer> next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				List<Integer> current = new ArrayList<>(next.length);
				for (int thread : next) {
					current.add(thread);
				}
				next = successor(next);
				return List.copyOf(current);
			}
		};
	}

	/**
	 * Turns a merge, given as the thread index of each step, into the schedule a {@code TraceExecutor} follows.
	 *
	 * @param threads the thread index that takes each step; each thread appears once per marker it has
	 * @return the schedule
	 * @throws IllegalArgumentException if the sequence is not a merge of these threads' markers
	 */
	public Schedule schedule(List<Integer> threads) {
		int[] taken = new int[markers.size()];
		List<Step> steps = new ArrayList<>(threads.size());
		for (int thread : threads) {
			if (thread < 0 || thread >= markers.size() || taken[thread] >= markers.get(thread).size()) {
				throw new IllegalArgumentException(threads + " is not a merge of the markers " + markers);
			}
			steps.add(Step.of(names.get(thread), markers.get(thread).get(taken[thread]++)));
		}
		for (int thread = 0; thread < markers.size(); thread++) {
			if (taken[thread] != markers.get(thread).size()) {
				throw new IllegalArgumentException(threads + " is not a merge of the markers " + markers);
			}
		}
		return new Schedule(steps);
	}

	/** The next permutation in lexicographic order, or {@code null} after the last. */
	private static int[] successor(int[] current) {
		int[] next = current.clone();
		int i = next.length - 2;
		while (i >= 0 && next[i] >= next[i + 1]) {
			i--;
		}
		if (i < 0) {
			return null;
		}
		int j = next.length - 1;
		while (next[j] <= next[i]) {
			j--;
		}
		swap(next, i, j);
		for (int left = i + 1, right = next.length - 1; left < right; left++, right--) {
			swap(next, left, right);
		}
		return next;
	}

	private static void swap(int[] values, int i, int j) {
		int value = values[i];
		values[i] = values[j];
		values[j] = value;
	}
}
