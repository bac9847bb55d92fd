package example.counter;

import dev.frontrun.Frontrun;
import dev.frontrun.Strategy;
import dev.frontrun.junit.FrontrunTest;

class CounterTest {

	@FrontrunTest
	void increments() {
		Frontrun.explore(Counter::new)
				.thread(Counter::increment)
				.thread(Counter::increment)
				.invariant(c -> c.value == 2)
				.strategy(Strategy.random(42))
				.run()
				.assertHolds();
	}
}
