package example.bank;

import static org.junit.jupiter.api.Assertions.fail;

import dev.frontrun.junit.FrontrunTest;
import org.junit.jupiter.api.Test;

/** Neither test may run: the build sets frontrun.skip. */
class BankAccountTest {

	@FrontrunTest
	void frontrunTestMustNotRun() {
		fail("frontrun.skip is set: frontrun:test must not run any test");
	}

	@Test
	void plainTestMustNotRun() {
		fail("frontrun.skip is set: frontrun:test must not run any test");
	}
}
