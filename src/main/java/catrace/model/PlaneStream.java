package catrace.model;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Planes of a recording stored as raw samples in a file (an uncompressed TIFF stack), read in time order in large
 * blocks. An image that implements this interface (besides being a {@code RandomAccessibleInterval}) is streamed by
 * {@link TraceExtractor}: the file is read sequentially into a few reusable buffers, never held whole in memory,
 * and ROI means are taken straight from the buffers.
 */
public interface PlaneStream {

	/** How one sample is stored. */
	enum Encoding {
		/** 0..255 */
		UINT8(1),
		/** 0..65535 */
		UINT16(2),
		/** −32768..32767 */
		INT16(2),
		/** IEEE 754 single precision */
		FLOAT32(4);

		private final int bytes;

		Encoding(final int bytes) {
			this.bytes = bytes;
		}

		/** Bytes per sample. */
		public int bytes() {
			return bytes;
		}
	}

	Encoding encoding();

	/** Byte order of the multi-byte samples in the file. */
	ByteOrder byteOrder();

	/** Samples in one plane (all dimensions but time). */
	int planeLength();

	/** Planes (time points). */
	int planeCount();

	/** What is read, for messages (e.g. the file path). */
	String source();

	/** Opens the file for reading; close the reader when done. */
	Reader openReader() throws IOException;

	/** An open stream; {@link #read} may be called from several threads at once (each with its own buffer). */
	interface Reader extends Closeable {

		/**
		 * Reads planes {@code first … first + count − 1} into {@code dst}, starting at its position, and advances the
		 * position by {@code count · planeLength · encoding.bytes} bytes.
		 *
		 * @throws IOException naming the file when it is shorter than expected or cannot be read
		 */
		void read(int first, int count, ByteBuffer dst) throws IOException;
	}
}
