package dev.frontrun.internal.engine;

/**
 * The oracle programs of {@code shared/oracles/README.md} and a few more, as simulated threads. Each thread performs
 * one operation per scheduling point; local computation between them is free.
 */
final class Programs {

	private Programs() {
	}

	static Resource cell(int index) {
		return new Resource("cell", index);
	}

	static Resource lock(int index) {
		return new Resource("lock", index);
	}

	/** readers(N): one writer {@code x = 42}, N readers {@code r = x}. */
	static Program readers(int readers) {
		return new Program("readers(" + readers + ")", machine -> {
			machine.add(straightLine(Action.write(cell(0), () -> 42)));
			for (int reader = 0; reader < readers; reader++) {
				machine.add(straightLine(Action.read(cell(0), value -> { })));
			}
		});
	}

	/**
	 * lastzero(N): over {@code int[] a = new int[N+1]}, a reader {@code for (i = N; a[i] != 0; i--);} and writers j
	 * in 1..N doing {@code a[j] = a[j-1] + 1}.
	 */
	static Program lastZero(int writers) {
		return new Program("lastzero(" + writers + ")", machine -> {
			machine.add(new SimThread() {
				int index = writers;
				boolean found;

				@Override
				public Action next(Machine unused) {
					return found ? null : Action.read(cell(index), value -> {
						if (value == 0) {
							found = true;
						} else {
							index--;
						}
					});
				}
			});
			for (int writer = 1; writer <= writers; writer++) {
				machine.add(copyPlusOne(cell(writer - 1), cell(writer)));
			}
		});
	}

	/** inc(N): N threads doing {@code r = x; x = r + 1} on a plain field. */
	static Program inc(int threads) {
		return new Program("inc(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				machine.add(copyPlusOne(cell(0), cell(0)));
			}
		});
	}

	/** ainc(N): N threads doing {@code x.incrementAndGet()}. */
	static Program atomicInc(int threads) {
		return new Program("ainc(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				machine.add(straightLine(Action.increment(cell(0))));
			}
		});
	}

	/** lockinc(N): N threads doing {@code synchronized (m) { x = x + 1; }}. */
	static Program lockInc(int threads) {
		return new Program("lockinc(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				machine.add(lockedIncrements(1));
			}
		});
	}

	/** lockcounter: two threads doing, twice, {@code lock(); r = c; c = r + 1; unlock();}. */
	static Program lockCounter() {
		return new Program("lockcounter", machine -> {
			machine.add(lockedIncrements(2));
			machine.add(lockedIncrements(2));
		});
	}

	/**
	 * indexer(N): N threads each inserting 4 keys into a 128-slot table with compare-and-set and linear probing: key
	 * {@code w = i*11 + tid}, first slot {@code (w*7) % 128}, {@code while (!cas(table[h], 0, w)) h = (h+1) % 128}.
	 */
	static Program indexer(int threads) {
		return new Program("indexer(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				int id = thread;
				machine.add(new SimThread() {
					int inserted;
					int slot = -1;

					@Override
					public Action next(Machine unused) {
						if (inserted == 4) {
							return null;
						}
						int key = inserted * 11 + id;
						if (slot < 0) {
							slot = key * 7 % 128;
						}
						return Action.compareAndSet(cell(slot), 0, key, success -> {
							if (success) {
								inserted++;
								slot = -1;
							} else {
								slot = (slot + 1) % 128;
							}
						});
					}
				});
			}
		});
	}

	/** philosophers(N): philosopher i locks fork i, then fork i+1 (mod N), unlocks them in reverse order. */
	static Program philosophers(int count) {
		return new Program("philosophers(" + count + ")", machine -> {
			for (int philosopher = 0; philosopher < count; philosopher++) {
				Resource left = lock(philosopher);
				Resource right = lock((philosopher + 1) % count);
				machine.add(straightLine(Action.acquire(left), Action.acquire(right), Action.release(right),
						Action.release(left)));
			}
		});
	}

	/** casrot(N): thread i in 1..N does {@code cas(x, i-1, i)} (GenMC's synthetic/casrot). */
	static Program casRotation(int threads) {
		return new Program("casrot(" + threads + ")", machine -> {
			for (int thread = 1; thread <= threads; thread++) {
				machine.add(straightLine(Action.compareAndSet(cell(0), thread - 1, thread, success -> { })));
			}
		});
	}

	/** Two threads taking two locks in opposite orders: both orders complete, or they deadlock. */
	static Program opposedLocks() {
		return new Program("opposed locks", machine -> {
			machine.add(straightLine(Action.acquire(lock(0)), Action.acquire(lock(1)), Action.release(lock(1)),
					Action.release(lock(0))));
			machine.add(straightLine(Action.acquire(lock(1)), Action.acquire(lock(0)), Action.release(lock(0)),
					Action.release(lock(1))));
		});
	}

	/** lockinc(N) where each thread takes the lock a second time inside the first, as a reentrant lock allows. */
	static Program reentrantLockInc(int threads) {
		return new Program("reentrant lockinc(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				machine.add(straightLine(Action.acquire(lock(0)), Action.acquire(lock(0)), Action.increment(cell(0)),
						Action.release(lock(0)), Action.release(lock(0))));
			}
		});
	}

	/**
	 * A parent that spawns N children doing {@code r = x; x = r + 1}, then, if it joins them, joins each before
	 * reading x; otherwise it reads x at once.
	 */
	static Program spawnIncrements(int children, boolean join) {
		return new Program("spawn " + children + " incrementers" + (join ? ", join, read" : ", read"), machine -> {
			machine.add(new SimThread() {
				final int[] spawned = new int[children];
				int step;

				@Override
				public Action next(Machine running) {
					if (step == 0) {
						for (int child = 0; child < children; child++) {
							spawned[child] = running.spawn(copyPlusOne(cell(0), cell(0)));
						}
					}
					int joins = join ? children : 0;
					int current = step++;
					if (current < joins) {
						return Action.join(spawned[current]);
					}
					return current == joins ? Action.read(cell(0), value -> { }) : null;
				}
			});
		});
	}

	/** A parent that writes x, then spawns a child that reads it: the write happens before the read. */
	static Program writeThenSpawnReader() {
		return new Program("write, then spawn a reader", machine -> {
			machine.add(new SimThread() {
				int step;

				@Override
				public Action next(Machine running) {
					switch (step++) {
						case 0:
							return Action.write(cell(0), () -> 1);
						case 1:
							running.spawn(straightLine(Action.read(cell(0), value -> { })));
							return Action.write(cell(1), () -> 1);
						default:
							return null;
					}
				}
			});
		});
	}

	/** A thread that ends holding a lock another thread then waits for forever. */
	static Program lockHeldAtExit() {
		return new Program("lock held at exit", machine -> {
			machine.add(straightLine(Action.acquire(lock(0)), Action.write(cell(0), () -> 1)));
			machine.add(straightLine(Action.acquire(lock(0)), Action.release(lock(0))));
		});
	}

	/** A small CAS-probing table: like indexer, with 3 threads inserting 2 keys each into 8 slots, so keys collide. */
	static Program smallIndexer() {
		return new Program("small indexer", machine -> {
			for (int thread = 0; thread < 3; thread++) {
				int id = thread;
				machine.add(new SimThread() {
					int inserted;
					int slot = -1;

					@Override
					public Action next(Machine unused) {
						if (inserted == 2) {
							return null;
						}
						int key = inserted * 2 + id + 1;
						if (slot < 0) {
							slot = key % 8;
						}
						return Action.compareAndSet(cell(slot), 0, key, success -> {
							if (success) {
								inserted++;
								slot = -1;
							} else {
								slot = (slot + 1) % 8;
							}
						});
					}
				});
			}
		});
	}

	/** N threads reading x under the read (shared) side of one read-write lock. */
	static Program sharedReaders(int threads) {
		return new Program("shared readers(" + threads + ")", machine -> {
			for (int thread = 0; thread < threads; thread++) {
				machine.add(straightLine(Action.acquireShared(lock(0)), Action.read(cell(0), value -> { }),
						Action.releaseShared(lock(0))));
			}
		});
	}

	/** N readers under the read lock and M writers under the write lock of one read-write lock, on x. */
	static Program readersAndWriters(int readers, int writers) {
		return new Program(readers + " readers and " + writers + " writers", machine -> {
			for (int thread = 0; thread < readers; thread++) {
				machine.add(straightLine(Action.acquireShared(lock(0)), Action.read(cell(0), value -> { }),
						Action.releaseShared(lock(0))));
			}
			for (int thread = 0; thread < writers; thread++) {
				machine.add(straightLine(Action.acquire(lock(0)), Action.increment(cell(0)), Action.release(lock(0))));
			}
		});
	}

	/** Two threads that read x and write x + 1 under the read lock only: the shared holds do not exclude. */
	static Program updatesUnderReadLock() {
		return new Program("updates under a read lock", machine -> {
			for (int thread = 0; thread < 2; thread++) {
				machine.add(new SimThread() {
					int step;
					int value;

					@Override
					public Action next(Machine unused) {
						return switch (step++) {
							case 0 -> Action.acquireShared(lock(0));
							case 1 -> Action.read(cell(0), read -> value = read);
							case 2 -> Action.write(cell(0), () -> value + 1);
							case 3 -> Action.releaseShared(lock(0));
							default -> null;
						};
					}
				});
			}
		});
	}

	/** A writer that downgrades (write lock, write, read lock, unlock write, read, unlock read) and a reader. */
	static Program downgrade() {
		return new Program("downgrade", machine -> {
			machine.add(straightLine(Action.acquire(lock(0)), Action.write(cell(0), () -> 1),
					Action.acquireShared(lock(0)), Action.release(lock(0)), Action.read(cell(0), value -> { }),
					Action.releaseShared(lock(0))));
			machine.add(straightLine(Action.acquireShared(lock(0)), Action.read(cell(0), value -> { }),
					Action.releaseShared(lock(0))));
		});
	}

	/** A writer that downgrades and reads, against a writer and a reader. */
	static Program downgradeAndWriter(boolean reader) {
		return new Program("downgrade and a writer" + (reader ? " and a reader" : ""), machine -> {
			machine.add(straightLine(Action.acquire(lock(0)), Action.write(cell(0), () -> 1),
					Action.acquireShared(lock(0)), Action.release(lock(0)), Action.read(cell(0), value -> { }),
					Action.releaseShared(lock(0))));
			machine.add(straightLine(Action.acquire(lock(0)), Action.increment(cell(0)), Action.release(lock(0))));
			if (reader) {
				machine.add(straightLine(Action.acquireShared(lock(0)), Action.read(cell(0), value -> { }),
						Action.releaseShared(lock(0))));
			}
		});
	}

	/** A thread that downgrades and never releases its read hold, and a writer that then waits forever. */
	static Program downgradeHeldAtExit() {
		return new Program("downgrade held at exit", machine -> {
			machine.add(straightLine(Action.acquire(lock(0)), Action.acquireShared(lock(0)), Action.release(lock(0))));
			machine.add(straightLine(Action.acquire(lock(0)), Action.release(lock(0))));
		});
	}

	/** A reader holding the read lock of L that wants lock M, against a thread holding M that wants L's write lock. */
	static Program readerWriterDeadlock() {
		return new Program("read-write deadlock", machine -> {
			machine.add(straightLine(Action.acquireShared(lock(0)), Action.acquire(lock(1)), Action.release(lock(1)),
					Action.releaseShared(lock(0))));
			machine.add(straightLine(Action.acquire(lock(1)), Action.acquire(lock(0)), Action.release(lock(0)),
					Action.release(lock(1))));
			machine.add(straightLine(Action.acquireShared(lock(0)), Action.releaseShared(lock(0))));
		});
	}

	/** Two readers that each take the read lock twice in a row, and a writer. */
	static Program repeatedReaders() {
		return new Program("repeated readers", machine -> {
			for (int thread = 0; thread < 2; thread++) {
				machine.add(straightLine(Action.acquireShared(lock(0)), Action.releaseShared(lock(0)),
						Action.acquireShared(lock(0)), Action.acquireShared(lock(0)), Action.read(cell(0), v -> { }),
						Action.releaseShared(lock(0)), Action.releaseShared(lock(0))));
			}
			machine.add(straightLine(Action.acquire(lock(0)), Action.write(cell(0), () -> 1), Action.release(lock(0))));
		});
	}

	/** A thread performing fixed actions in order. */
	static SimThread straightLine(Action... actions) {
		return new SimThread() {
			int next;

			@Override
			public Action next(Machine unused) {
				return next < actions.length ? actions[next++] : null;
			}
		};
	}

	/** A thread doing {@code r = from; to = r + 1}. */
	static SimThread copyPlusOne(Resource from, Resource to) {
		return new SimThread() {
			int step;
			int value;

			@Override
			public Action next(Machine unused) {
				return switch (step++) {
					case 0 -> Action.read(from, read -> value = read);
					case 1 -> Action.write(to, () -> value + 1);
					default -> null;
				};
			}
		};
	}

	/** A thread doing {@code lock(); r = c; c = r + 1; unlock();} a number of times. */
	static SimThread lockedIncrements(int times) {
		return new SimThread() {
			int step;
			int value;

			@Override
			public Action next(Machine unused) {
				if (step == 4 * times) {
					return null;
				}
				return switch (step++ % 4) {
					case 0 -> Action.acquire(lock(0));
					case 1 -> Action.read(cell(0), read -> value = read);
					case 2 -> Action.write(cell(0), () -> value + 1);
					default -> Action.release(lock(0));
				};
			}
		};
	}
}
