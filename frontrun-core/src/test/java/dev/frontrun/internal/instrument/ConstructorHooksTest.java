package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constructors: no hook sees an uninitialized object, and objects created in super() arguments are reported. */
class ConstructorHooksTest {

	private final InstrumentingLoader examples = new InstrumentingLoader("example.instrument");

	@Test
	void fieldInitializersAreWritesOfTheNewObject() throws Exception {
		Recorded<Object> run = record(() -> examples.newInstance("Constructors"));
		assertEquals(SourceTags.of("example/instrument/Constructors.java").resolve(
				"FIELD_WRITE Constructors.outerValue @outer-init"), run.ofCaller());
	}

	@Test
	void anInnerClassStoresItsOuterInstanceBeforeSuperUnreported() throws Exception {
		Object outer = examples.newInstance("Constructors");
		Recorded<Object> run = record(() -> examples.call("Constructors", outer, "inner"));
		assertEquals(42, run.result());
		assertEquals(SourceTags.of("example/instrument/Constructors.java").resolve(
				"FIELD_READ Constructors.outerValue @inner-body",
				"FIELD_WRITE Constructors$Inner.innerValue @inner-body"), run.ofCaller());
	}

	@Test
	void objectsCreatedInSuperAndThisArgumentsAreInstrumentedAndTheCallFound() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Constructors", null, "derived"));
		assertEquals("core", run.result());
		assertEquals(SourceTags.of("example/instrument/Constructors.java").resolve(
				"FIELD_WRITE Constructors$Box.content @box-body",
				"FIELD_WRITE Constructors$Box.content @box-body",
				"FIELD_WRITE Constructors$Base.held @base-body",
				"FIELD_READ Constructors$Box.content @derived-read",
				"FIELD_READ Constructors$Box.content @derived-read"), run.ofCaller());
	}

	@Test
	void anAnonymousClassStoresItsCapturedValuesBeforeSuperUnreported() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Constructors", null, "anonymous", "captured").toString());
		assertEquals("captured", run.result());
		assertEquals(List.of(), run.ofCaller());
	}
}
