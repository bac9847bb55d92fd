package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which operations conflict, following the oracles' conventions. */
class OperationTest {

	private final Resource x = new Resource("field", 1);
	private final Resource y = new Resource("field", 2);
	private final Resource lock = new Resource("monitor", 1);

	@Test
	void memoryAccessesConflictWhenOneWrites() {
		assertFalse(Operation.read(x).conflictsWith(Operation.read(x)));
		assertTrue(Operation.read(x).conflictsWith(Operation.write(x)));
		assertTrue(Operation.write(x).conflictsWith(Operation.read(x)));
		assertTrue(Operation.write(x).conflictsWith(Operation.write(x)));
		assertFalse(Operation.write(x).conflictsWith(Operation.write(y)));
		assertFalse(Operation.write(x).conflictsWith(Operation.write(new Resource("row", 1))),
				"spaces keep ids apart");
	}

	@Test
	void lockOperationsOnOneLockConflict() {
		assertTrue(Operation.acquire(lock).conflictsWith(Operation.acquire(lock)));
		assertTrue(Operation.acquire(lock).conflictsWith(Operation.release(lock)));
		assertTrue(Operation.release(lock).conflictsWith(Operation.release(lock)));
		assertFalse(Operation.acquire(lock).conflictsWith(Operation.write(lock)), "a lock is not a memory location");
	}

	@Test
	void sharedHoldsConflictOnlyWithExclusiveOnes() {
		assertFalse(Operation.acquireShared(lock).conflictsWith(Operation.acquireShared(lock)));
		assertFalse(Operation.acquireShared(lock).conflictsWith(Operation.releaseShared(lock)));
		assertFalse(Operation.releaseShared(lock).conflictsWith(Operation.releaseShared(lock)));
		assertTrue(Operation.acquireShared(lock).conflictsWith(Operation.acquire(lock)));
		assertTrue(Operation.releaseShared(lock).conflictsWith(Operation.acquire(lock)));
		assertTrue(Operation.acquireShared(lock).conflictsWith(Operation.release(lock)));
		assertFalse(Operation.acquireShared(lock).conflictsWith(Operation.read(lock)));
	}

	@Test
	void joinsConflictWithNothing() {
		assertFalse(Operation.join(1).conflictsWith(Operation.join(1)));
		assertFalse(Operation.join(1).conflictsWith(Operation.write(Resource.thread(1))));
		assertThrows(IllegalArgumentException.class, () -> new Operation(AccessKind.JOIN, x));
	}

	@Test
	void anAnnouncedWriteMayTurnOutARead() {
		assertTrue(Operation.write(x).mayBePerformedAs(Operation.write(x)));
		assertTrue(Operation.write(x).mayBePerformedAs(Operation.read(x)));
		assertFalse(Operation.read(x).mayBePerformedAs(Operation.write(x)));
		assertFalse(Operation.write(x).mayBePerformedAs(Operation.read(y)));
		assertFalse(Operation.acquire(lock).mayBePerformedAs(Operation.release(lock)));
	}

	@Test
	void printsForPeople() {
		assertEquals("write field#1", Operation.write(x).toString());
		assertEquals("join thread#3", Operation.join(3).toString());
		assertEquals("2: thread 1 acquire monitor#1", new Step(2, 1, Operation.acquire(lock)).toString());
	}
}
