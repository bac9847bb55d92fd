package dev.frontrun.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HooksTest {

	@Test
	void theHooksDelegateToTheInstalledHandlerUntilItIsReplaced() {
		AtomicBoolean called = new AtomicBoolean();
		InvocationHandler recordGetField = (proxy, method, args) -> {
			called.set(called.get() || method.getName().equals("getField"));
			return null;
		};
		HookHandler recording = (HookHandler) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { HookHandler.class }, recordGetField);
		assertSame(PassThroughHandler.INSTANCE, Hooks.install(recording));
		try {
			Hooks.getField(this, 0);
		} finally {
			assertSame(recording, Hooks.install(PassThroughHandler.INSTANCE));
		}
		assertTrue(called.get());
		assertThrows(NullPointerException.class, () -> Hooks.install(null));
	}

	@Test
	void thePassThroughHandlerPerformsTheReplacedCalls() throws Exception {
		Object monitor = new Object();
		assertThrows(IllegalMonitorStateException.class, () -> Hooks.notifyOne(monitor, 0));
		assertThrows(IllegalMonitorStateException.class, () -> Hooks.waitOn(monitor, 1L, 0));
		AtomicBoolean ran = new AtomicBoolean();
		Thread thread = new Thread(() -> ran.set(true));
		Hooks.threadStart(thread, 0);
		Hooks.threadJoin(thread, 0);
		assertTrue(ran.get());
		long start = System.nanoTime();
		Hooks.sleep(20, 0);
		assertTrue(System.nanoTime() - start >= 20_000_000L);
		synchronized (monitor) {
			Hooks.waitOn(monitor, 1L, 0);
			Hooks.notifyAll(monitor, 0);
		}
	}
}
