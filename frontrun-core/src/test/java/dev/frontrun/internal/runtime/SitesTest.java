package dev.frontrun.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontrun.internal.runtime.Site.FieldRef;
import dev.frontrun.internal.runtime.Site.MethodRef;
import dev.frontrun.internal.runtime.Site.Volatility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SitesTest {

	private static final FieldRef VALUE = new FieldRef("com/acme/Counter", "value", "I", Volatility.PLAIN);

	private static Site read(int line) {
		return new Site("com/acme/Counter", "Counter.java", "increment", line, SiteKind.FIELD_READ, VALUE);
	}

	@Test
	void idsAreDistinctAndLeadBackToTheirSites() {
		Site first = read(7);
		Site second = read(8);
		int firstId = Sites.register(first);
		int secondId = Sites.register(second);
		assertEquals(firstId + 1, secondId);
		assertSame(first, Sites.get(firstId));
		assertSame(second, Sites.get(secondId));
		assertThrows(IllegalArgumentException.class, () -> Sites.get(Sites.count()));
		assertThrows(IllegalArgumentException.class, () -> Sites.get(-1));
	}

	@Test
	void concurrentRegistrationsLoseNothing() throws Exception {
		int threads = 4;
		int each = 5_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		Map<Integer, Site> registered = new ConcurrentHashMap<>();
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t * each;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					Site site = read(offset + i);
					registered.put(Sites.register(site), site);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		assertEquals(threads * each, registered.size());
		registered.forEach((id, site) -> assertSame(site, Sites.get(id)));
	}

	@Test
	void aSiteNamesTheMemberItsKindCallsFor() {
		MethodRef get = new MethodRef("java/util/Map", "get", "(Ljava/lang/Object;)Ljava/lang/Object;");
		assertThrows(IllegalArgumentException.class,
				() -> new Site("C", "C.java", "m", 1, SiteKind.FIELD_READ, get));
		assertThrows(IllegalArgumentException.class,
				() -> new Site("C", "C.java", "m", 1, SiteKind.CALL_READ, VALUE));
		assertThrows(IllegalArgumentException.class,
				() -> new Site("C", "C.java", "m", 1, SiteKind.MONITOR_ENTER, VALUE));
		assertEquals("Map.get", new Site("C", "C.java", "m", 1, SiteKind.CALL_READ, get).member().displayName());
	}

	@Test
	void theLocationIsWhatExplanationsPrint() {
		assertEquals("Counter.java:7", read(7).location());
		assertEquals("com.acme.Counter:?", new Site("com/acme/Counter", null, "increment", Site.UNKNOWN_LINE,
				SiteKind.MONITOR_ENTER, null).location());
	}
}
