package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.AgentRuntime;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints whether {@code LockSupport.unpark} reaches frontrun's hooks before and after the JVM is prepared for
 * explorations: the agent rewrites the JDK only then, so that a JVM that never explores does not pay for it.
 */
public final class DeferredRewriting {

	private DeferredRewriting() {
	}

	public static void main(String[] args) {
		boolean before = unparkReachesTheHooks();
		AgentRuntime.prepareExplorations();
		boolean after = unparkReachesTheHooks();
		System.out.println("unpark hooked before the first exploration: " + before + ", after: " + after);
	}

	private static boolean unparkReachesTheHooks() {
		AtomicBoolean seen = new AtomicBoolean();
		HookHandler recording = (HookHandler) Proxy.newProxyInstance(DeferredRewriting.class.getClassLoader(),
				new Class<?>[] { HookHandler.class }, (proxy, method, args) -> {
					if (method.getName().equals("unpark")) {
						seen.set(true);
					}
					return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
				});
		HookHandler previous = Hooks.install(recording);
		try {
			LockSupport.unpark(Thread.currentThread());
		} finally {
			Hooks.install(previous);
		}
		return seen.get();
	}
}
