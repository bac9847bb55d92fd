package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Site.FieldRef;
import dev.frontrun.internal.runtime.Site.Volatility;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hooks on field and array instructions, as instrumented classes call them. */
class FieldHooksTest {

	private final InstrumentingLoader examples = new InstrumentingLoader("example.instrument");

	@Test
	void plainFieldsOfEverySizeAreReportedBeforeEachAccessAndKeepTheirValues() throws Exception {
		Object fields = examples.newInstance("Fields");
		Recorded<Object> run = record(() -> examples.call("Fields", fields, "plain"));
		assertEquals("7 9223372036854775806 2.5 seven", run.result());
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"FIELD_WRITE Fields.plainInt @plain-int-write",
				"FIELD_WRITE Fields.plainLong @plain-long-write",
				"FIELD_WRITE Fields.plainDouble @plain-double-write",
				"FIELD_WRITE Fields.plainObject @plain-object-write",
				"FIELD_READ Fields.plainInt @plain-int-read",
				"FIELD_READ Fields.plainLong @plain-long-read",
				"FIELD_READ Fields.plainDouble @plain-double-read",
				"FIELD_READ Fields.plainObject @plain-object-read"), run.ofCaller());
	}

	@Test
	void volatileFieldsAreReportedAsVolatile() throws Exception {
		Object fields = examples.newInstance("Fields");
		Recorded<Object> run = record(() -> examples.call("Fields", fields, "volatiles"));
		assertEquals("-7 -9223372036854775807 -2.5 eight", run.result());
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"FIELD_WRITE Fields.volatileInt volatile @volatile-int-write",
				"FIELD_WRITE Fields.volatileLong volatile @volatile-long-write",
				"FIELD_WRITE Fields.volatileDouble volatile @volatile-double-write",
				"FIELD_WRITE Fields.volatileObject volatile @volatile-object-write",
				"FIELD_READ Fields.volatileInt volatile @volatile-int-read",
				"FIELD_READ Fields.volatileLong volatile @volatile-long-read",
				"FIELD_READ Fields.volatileDouble volatile @volatile-double-read",
				"FIELD_READ Fields.volatileObject volatile @volatile-object-read"), run.ofCaller());
	}

	@Test
	void staticFieldsAreReportedWithoutAnOwnerObject() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Fields", null, "statics"));
		assertEquals("70 1099511627776 0.25 nine", run.result());
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"STATIC_WRITE Fields.staticInt @static-int-write",
				"STATIC_WRITE Fields.staticLong @static-long-write",
				"STATIC_WRITE Fields.staticDouble @static-double-write",
				"STATIC_WRITE Fields.staticObject @static-object-write",
				"STATIC_READ Fields.staticInt @static-int-read",
				"STATIC_READ Fields.staticLong @static-long-read",
				"STATIC_READ Fields.staticDouble @static-double-read",
				"STATIC_READ Fields.staticObject @static-object-read"), run.ofCaller());
	}

	@Test
	void readModifyWritesOfWideFieldsReadThenWrite() throws Exception {
		Object fields = examples.newInstance("Fields");
		Object other = examples.newInstance("Fields");
		examples.call("Fields", null, "statics");
		Recorded<Object> run = record(() -> examples.call("Fields", fields, "increments", other));
		assertEquals("1 1.5 1099511627778", run.result());
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"FIELD_READ Fields.plainLong @long-increment",
				"FIELD_WRITE Fields.plainLong @long-increment",
				"FIELD_READ Fields.plainDouble @double-add",
				"FIELD_WRITE Fields.plainDouble @double-add",
				"STATIC_READ Fields.staticLong @static-add",
				"STATIC_WRITE Fields.staticLong @static-add",
				"FIELD_READ Fields.plainLong @increments-return",
				"FIELD_READ Fields.plainDouble @increments-return",
				"STATIC_READ Fields.staticLong @increments-return"), run.ofCaller());
	}

	@Test
	void aNullOwnerReachesTheHookAndTheInstructionStillThrows() throws Exception {
		Object fields = examples.newInstance("Fields");
		Recorded<NullPointerException> field = record(() -> assertThrows(NullPointerException.class,
				() -> examples.call("Fields", fields, "increments", (Object) null)));
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"FIELD_READ Fields.plainLong @long-increment",
				"FIELD_WRITE Fields.plainLong @long-increment",
				"FIELD_READ Fields.plainDouble @double-add"), field.ofCaller());
		Recorded<NullPointerException> array = record(() -> assertThrows(NullPointerException.class,
				() -> examples.call("ArrayAccess", null, "incrementInPlace", null, 0)));
		assertEquals(SourceTags.of("example/instrument/ArrayAccess.java").resolve("ARRAY_READ null[0] @in-place"),
				array.ofCaller());
		assertEquals("incrementInPlace", array.result().getStackTrace()[0].getMethodName());
	}

	@Test
	void finalFieldsAreReportedWhenWrittenNeverWhenRead() throws Exception {
		Recorded<Object> construction = record(() -> examples.newInstance("Fields"));
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve("FIELD_WRITE Fields.finalInt @final-write"),
				construction.ofCaller());
		assertEquals(List.of(), record(() -> examples.call("Fields", construction.result(), "readsFinal")).ofCaller());
	}

	@Test
	void arraysOfEveryElementTypeReportStoresLoadsAndLengths() throws Exception {
		Recorded<Object> run = record(() -> examples.call("ArrayAccess", null, "roundTrip"));
		assertEquals("5 -9223372036854775808 1.5 1.7976931348623157E308 -3 true z 300 s 2", run.result());
		assertEquals(SourceTags.of("example/instrument/ArrayAccess.java").resolve(
				"ARRAY_WRITE int[1] @int-store",
				"ARRAY_WRITE long[1] @long-store",
				"ARRAY_WRITE float[1] @float-store",
				"ARRAY_WRITE double[1] @double-store",
				"ARRAY_WRITE byte[1] @byte-store",
				"ARRAY_WRITE boolean[1] @boolean-store",
				"ARRAY_WRITE char[1] @char-store",
				"ARRAY_WRITE short[1] @short-store",
				"ARRAY_WRITE String[1] @string-store",
				"ARRAY_READ int[1] @int-load",
				"ARRAY_READ long[1] @long-load",
				"ARRAY_READ float[1] @float-load",
				"ARRAY_READ double[1] @double-load",
				"ARRAY_READ byte[1] @byte-load",
				"ARRAY_READ boolean[1] @boolean-load",
				"ARRAY_READ char[1] @char-load",
				"ARRAY_READ short[1] @short-load",
				"ARRAY_READ String[1] @string-load",
				"ARRAY_LENGTH String[] @length"), run.ofCaller());
	}

	@Test
	void anElementUpdatedInPlaceIsReadThenWritten() throws Exception {
		long[] values = { 1, 2, 3 };
		Recorded<Object> run = record(() -> examples.call("ArrayAccess", null, "incrementInPlace", values, 2));
		assertEquals(13L, run.result());
		assertEquals(13L, values[2]);
		assertEquals(SourceTags.of("example/instrument/ArrayAccess.java").resolve(
				"ARRAY_READ long[2] @in-place",
				"ARRAY_WRITE long[2] @in-place",
				"ARRAY_READ long[2] @reload"), run.ofCaller());
	}

	@Test
	void staticInitializersAreInstrumented() throws Exception {
		Recorded<Object> run = record(() -> examples.call("StaticInit", null, "read"));
		assertEquals(7, run.result());
		assertEquals(SourceTags.of("example/instrument/StaticInit.java").resolve(
				"STATIC_WRITE StaticInit.counter @clinit-write",
				"ARRAY_WRITE int[0] @clinit-table",
				"ARRAY_WRITE int[1] @clinit-table",
				"STATIC_WRITE StaticInit.TABLE @clinit-table",
				"STATIC_READ StaticInit.counter @read",
				"ARRAY_READ int[1] @read"), run.ofCaller());
		assertEquals("<clinit>", Sites.get(run.events().get(0).site()).methodName());
		assertEquals("read", Sites.get(run.events().get(4).site()).methodName());
	}

	@Test
	void aSiteSaysWhereItIsAndWhatItTouches() throws Exception {
		Object fields = examples.newInstance("Fields");
		Recorded<Object> run = record(() -> examples.call("Fields", fields, "plain"));
		Site site = Sites.get(run.events().get(1).site());
		int line = SourceTags.of("example/instrument/Fields.java").line("plain-long-write");
		assertEquals(new Site("example/instrument/Fields", "Fields.java", "plain", line, SiteKind.FIELD_WRITE,
				new FieldRef("example/instrument/Fields", "plainLong", "J", Volatility.PLAIN)), site);
		assertEquals("Fields.java:" + line, site.location());
	}
}
