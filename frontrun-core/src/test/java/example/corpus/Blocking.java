package example.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

/** Threads that block where frontrun cannot see: on a real socket, on a monitor held by a thread it does not run. */
public final class Blocking {

	public final int port;
	public final Object foreignMonitor;
	public int reads;

	public Blocking(int port, Object foreignMonitor) {
		this.port = port;
		this.foreignMonitor = foreignMonitor;
	}

	public void readSocket() {
		try (Socket socket = new Socket("127.0.0.1", port); InputStream in = socket.getInputStream()) {
			reads += in.read();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void enterForeignMonitor() {
		synchronized (foreignMonitor) {
			reads++;
		}
	}
}
