package dev.frontrun.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.frontrun.internal.markers.MarkerIndex;
import example.bank.BankAccount;
import example.instrument.Inert;
import example.markers.Workloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class FrontrunTransformerTest {

	private static final Path TEST_SOURCES = Path.of("src/test/java");
	private static final ClassLoader LOADER = FrontrunTransformerTest.class.getClassLoader();

	private final FrontrunTransformer transformer = new FrontrunTransformer(new ClassScope(List.of()),
			new MarkerIndex(List.of(TEST_SOURCES)));

	@Test
	void gatesAreTheFirstInstructionOfTheMarkedLines() throws Exception {
		byte[] instrumented = transformer.instrument(LOADER, "example/bank/BankAccount", bytesOf(BankAccount.class));
		assertEquals(List.of(
				new Gate("transfer", lineOf("example/bank/BankAccount.java", "frontrun: read_balance"), "read_balance", 0),
				new Gate("transfer", lineOf("example/bank/BankAccount.java", "frontrun: write_balance"), "write_balance",
						0)),
				gatesIn(instrumented));
	}

	@Test
	void instrumentedClassesStillVerifyAndRun() throws Exception {
		byte[] instrumented = transformer.instrument(LOADER, "example/markers/Workloads", bytesOf(Workloads.class));
		assertNotNull(instrumented);
		Class<?> type = new ClassLoader(getClass().getClassLoader()) {
			Class<?> define() {
				return defineClass("example.markers.Workloads", instrumented, 0, instrumented.length);
			}
		}.define();
		Object workloads = type.getConstructor().newInstance();
		type.getMethod("loop", String.class, int.class).invoke(workloads, "t", 3);
		type.getMethod("lockedIncrement").invoke(workloads);
		assertEquals("// frontrun: not_a_marker", type.getMethod("fakeAndApiMarkers").invoke(workloads));
		assertEquals(List.of("t0", "t1", "t2", "// frontrun: not_a_marker"), type.getField("log").get(workloads));
	}

	@Test
	void classesWithNothingToInstrumentAreLeftUnchanged() throws Exception {
		assertNull(transformer.instrument(LOADER, "example/instrument/Inert", bytesOf(Inert.class)));
	}

	@Test
	void aClassThatCannotBeParsedIsLoadedUnchanged() {
		assertNull(transformer.transform(getClass().getClassLoader(), "example/Broken", null,
				FrontrunTransformerTest.class.getProtectionDomain(), new byte[] { 1, 2, 3 }));
	}

	/** A call to the marker hook, with the line it is on and how many instructions of that line come before it. */
	record Gate(String method, int line, String marker, int instructionsBefore) {
	}

	private static List<Gate> gatesIn(byte[] classfile) {
		List<Gate> gates = new ArrayList<>();
		new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				return new MethodVisitor(Opcodes.ASM9) {
					int line;
					int instructionsOnLine;
					Object lastConstant;

					@Override
					public void visitLineNumber(int number, Label start) {
						line = number;
						instructionsOnLine = 0;
					}

					@Override
					public void visitLdcInsn(Object value) {
						lastConstant = value;
						instructionsOnLine++;
					}

					@Override
					public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
						if (owner.equals("dev/frontrun/internal/runtime/Hooks") && method.equals("marker")) {
							gates.add(new Gate(name, line, (String) lastConstant, instructionsOnLine - 1));
						}
						instructionsOnLine++;
					}

					@Override
					public void visitVarInsn(int opcode, int varIndex) {
						instructionsOnLine++;
					}

					@Override
					public void visitFieldInsn(int opcode, String owner, String field, String desc) {
						instructionsOnLine++;
					}

					@Override
					public void visitInsn(int opcode) {
						instructionsOnLine++;
					}
				};
			}
		}, 0);
		return gates;
	}

	private static int lineOf(String file, String text) throws IOException {
		List<String> lines = Files.readAllLines(TEST_SOURCES.resolve(file));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " not in " + file);
	}

	private static byte[] bytesOf(Class<?> type) throws IOException {
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			return in.readAllBytes();
		}
	}
}
