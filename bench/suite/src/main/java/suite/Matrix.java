package suite;

/** Small dense matrices of doubles. */
public final class Matrix {
	private final double[][] a;

	public Matrix(double[][] a) {
		this.a = a;
	}

	public static Matrix identity(int n) {
		double[][] m = new double[n][n];
		for (int i = 0; i < n; i++) {
			m[i][i] = 1;
		}
		return new Matrix(m);
	}

	public Matrix times(Matrix other) {
		int n = a.length;
		int k = other.a.length;
		int m = other.a[0].length;
		double[][] c = new double[n][m];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				double sum = 0;
				for (int x = 0; x < k; x++) {
					sum += a[i][x] * other.a[x][j];
				}
				c[i][j] = sum;
			}
		}
		return new Matrix(c);
	}

	public Matrix transpose() {
		double[][] t = new double[a[0].length][a.length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[0].length; j++) {
				t[j][i] = a[i][j];
			}
		}
		return new Matrix(t);
	}

	/** The determinant, by Gaussian elimination with partial pivoting. */
	public double determinant() {
		int n = a.length;
		double[][] m = new double[n][];
		for (int i = 0; i < n; i++) {
			m[i] = a[i].clone();
		}
		double det = 1;
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) {
				if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
					pivot = r;
				}
			}
			if (m[pivot][col] == 0) {
				return 0;
			}
			if (pivot != col) {
				double[] tmp = m[pivot];
				m[pivot] = m[col];
				m[col] = tmp;
				det = -det;
			}
			det *= m[col][col];
			for (int r = col + 1; r < n; r++) {
				double f = m[r][col] / m[col][col];
				for (int c = col; c < n; c++) {
					m[r][c] -= f * m[col][c];
				}
			}
		}
		return det;
	}

	public double get(int i, int j) {
		return a[i][j];
	}

	public int rows() {
		return a.length;
	}
}
