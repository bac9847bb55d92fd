package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixTest {

	private static Matrix random(int n, long seed) {
		Random random = new Random(seed);
		double[][] a = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				a[i][j] = random.nextInt(9) - 4;
			}
		}
		return new Matrix(a);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 8, 16, 32, 64, 128 })
	void identityIsNeutral(int n) {
		Matrix m = random(n, n);
		Matrix product = m.times(Matrix.identity(n));
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				assertEquals(m.get(i, j), product.get(i, j));
			}
		}
	}

	@RepeatedTest(30)
	void determinantIsMultiplicative(RepetitionInfo info) {
		int n = 2 + info.getCurrentRepetition() % 5;
		Matrix a = random(n, info.getCurrentRepetition());
		Matrix b = random(n, 1000 + info.getCurrentRepetition());
		double expected = a.determinant() * b.determinant();
		assertEquals(expected, a.times(b).determinant(), 1e-6 * Math.max(1, Math.abs(expected)));
	}

	@RepeatedTest(20)
	void transposeKeepsTheDeterminant(RepetitionInfo info) {
		Matrix a = random(4, 77 + info.getCurrentRepetition());
		assertEquals(a.determinant(), a.transpose().determinant(), 1e-9 * Math.max(1, Math.abs(a.determinant())));
	}
}
