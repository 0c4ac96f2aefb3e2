package catrace.nwb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/**
 * An HDF5 file being written, by absolute object paths ("/processing/ophys"): groups, attributes (text, numbers,
 * object references), datasets (variable-length UTF-8 text, float64, int64, booleans as h5py writes them, the
 * compound pixel masks of NWB), soft links. Large numeric datasets are chunked and deflate-compressed. Every call to
 * the HDF Group's Java API is here, so the native library is loaded only when a file is written
 * ({@link Hdf5Library#require()}). A failure is an IOException naming the object.
 */
final class Hdf5File implements AutoCloseable {

	/** Datasets with at least this many elements are chunked and compressed. */
	static final int COMPRESS_FROM = 1024;
	/** Elements per chunk (at most; 1 MB of float64). */
	static final int CHUNK_ELEMENTS = 131072;

	private final Path path;
	private final long file;
	private boolean closed;

	private Hdf5File(final Path path, final long file) {
		this.path = path;
		this.file = file;
	}

	/** Creates (or truncates) the file; loads the library first. */
	static Hdf5File create(final Path path) throws IOException {
		Hdf5Library.require();
		try {
			final long fcpl = H5.H5Pcreate(HDF5Constants.H5P_FILE_CREATE);
			try {
				return new Hdf5File(path, H5.H5Fcreate(path.toString(), HDF5Constants.H5F_ACC_TRUNC, fcpl,
					HDF5Constants.H5P_DEFAULT));
			}
			finally {
				H5.H5Pclose(fcpl);
			}
		}
		catch (final HDF5Exception e) {
			throw new IOException("Cannot create the HDF5 file " + path + ": " + e.getMessage(), e);
		}
	}

	/** A group (its parent must exist). */
	void group(final String name) throws IOException {
		try (Ids ids = new Ids()) {
			final long gcpl = ids.add(Kind.PLIST, H5.H5Pcreate(HDF5Constants.H5P_GROUP_CREATE));
			H5.H5Pset_obj_track_times(gcpl, false);
			ids.add(Kind.GROUP, H5.H5Gcreate(file, name, HDF5Constants.H5P_DEFAULT, gcpl, HDF5Constants.H5P_DEFAULT));
		}
		catch (final HDF5Exception e) {
			throw failure("create the group", name, e);
		}
	}

	/** A scalar text attribute (variable-length UTF-8, as h5py writes str). */
	void attribute(final String object, final String name, final String value) throws IOException {
		attribute(object, name, new long[0], new String[] { value }, Hdf5File::texts);
	}

	/** A 1-D text attribute (e.g. a DynamicTable's colnames). */
	void attribute(final String object, final String name, final String[] values) throws IOException {
		attribute(object, name, new long[] { values.length }, values, Hdf5File::texts);
	}

	/** A scalar float64 attribute. */
	void attribute(final String object, final String name, final double value) throws IOException {
		attribute(object, name, new long[0], ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putDouble(value)
			.array(), Hdf5File::doubles);
	}

	/** A scalar int32 attribute. */
	void attribute(final String object, final String name, final int value) throws IOException {
		attribute(object, name, new long[0], ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value)
			.array(), ids -> new long[] { HDF5Constants.H5T_STD_I32LE, HDF5Constants.H5T_NATIVE_INT32 });
	}

	/** An object-reference attribute pointing at {@code target} (a group or dataset that exists). */
	void reference(final String object, final String name, final String target) throws IOException {
		final byte[] ref;
		try {
			ref = H5.H5Rcreate(file, target, HDF5Constants.H5R_OBJECT, -1);
		}
		catch (final HDF5Exception e) {
			throw failure("refer to", target, e);
		}
		attribute(object, name, new long[0], ref, ids -> new long[] { HDF5Constants.H5T_STD_REF_OBJ,
			HDF5Constants.H5T_STD_REF_OBJ });
	}

	/**
	 * An attribute of {@code dims} (none: scalar) holding {@code data}: text as String[], else the memory type's
	 * bytes.
	 */
	private void attribute(final String object, final String name, final long[] dims, final Object data,
		final Types types) throws IOException
	{
		try (Ids ids = new Ids()) {
			final long[] t = types.make(ids);
			final long obj = ids.add(Kind.OBJECT, H5.H5Oopen(file, object, HDF5Constants.H5P_DEFAULT));
			final long a = ids.add(Kind.ATTRIBUTE, H5.H5Acreate(obj, name, t[0], ids.add(Kind.SPACE, space(dims)),
				HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
			if (data instanceof String[]) H5.H5Awrite_VLStrings(a, t[1], (String[]) data);
			else H5.H5Awrite(a, t[1], (byte[]) data);
		}
		catch (final HDF5Exception e) {
			throw failure("write the attribute " + name + " of", object, e);
		}
	}

	/** A scalar dataspace for no dims, else a simple one. */
	private static long space(final long[] dims) {
		return dims.length == 0 ? H5.H5Screate(HDF5Constants.H5S_SCALAR) : H5.H5Screate_simple(dims.length, dims,
			null);
	}

	/** A scalar text dataset. */
	void text(final String name, final String value) throws IOException {
		dataset(name, new long[0], new String[] { value }, false, Hdf5File::texts);
	}

	/** A 1-D text dataset. */
	void texts(final String name, final String[] values) throws IOException {
		dataset(name, new long[] { values.length }, values, false, Hdf5File::texts);
	}

	/** A scalar float64 dataset. */
	void scalar(final String name, final double value) throws IOException {
		dataset(name, new long[0], new double[] { value }, true, Hdf5File::doubles);
	}

	/** A 1-D float64 dataset. */
	void doubles(final String name, final double[] values) throws IOException {
		dataset(name, new long[] { values.length }, values, true, Hdf5File::doubles);
	}

	/** A 2-D float64 dataset of {@code rows × cols}, the values row after row. */
	void matrix(final String name, final double[] rowMajor, final int rows, final int cols) throws IOException {
		if ((long) rows * cols != rowMajor.length) throw new IllegalArgumentException(name + ": " + rowMajor.length +
			" values for " + rows + " x " + cols);
		dataset(name, new long[] { rows, cols }, rowMajor, true, Hdf5File::doubles);
	}

	/** A 1-D int64 dataset. */
	void longs(final String name, final long[] values) throws IOException {
		dataset(name, new long[] { values.length }, values, true, ids -> new long[] { HDF5Constants.H5T_STD_I64LE,
			HDF5Constants.H5T_NATIVE_INT64 });
	}

	/** A 1-D uint32 dataset (e.g. a VectorIndex). */
	void unsigned32(final String name, final long[] values) throws IOException {
		final int[] v = new int[values.length];
		for (int i = 0; i < v.length; i++) {
			if (values[i] < 0 || values[i] > 0xffffffffL) throw new IllegalArgumentException(name + ": " + values[i] +
				" does not fit uint32");
			v[i] = (int) values[i];
		}
		dataset(name, new long[] { v.length }, v, true, ids -> new long[] { HDF5Constants.H5T_STD_U32LE,
			HDF5Constants.H5T_NATIVE_UINT32 });
	}

	/** A 1-D boolean dataset as h5py stores numpy bools: an int8 enum with FALSE = 0 and TRUE = 1. */
	void booleans(final String name, final boolean[] values) throws IOException {
		final byte[] bytes = new byte[values.length];
		for (int i = 0; i < bytes.length; i++)
			bytes[i] = (byte) (values[i] ? 1 : 0);
		dataset(name, new long[] { bytes.length }, bytes, true, ids -> {
			final long type = ids.add(Kind.TYPE, H5.H5Tenum_create(HDF5Constants.H5T_NATIVE_INT8));
			H5.H5Tenum_insert(type, "FALSE", new byte[] { 0 });
			H5.H5Tenum_insert(type, "TRUE", new byte[] { 1 });
			return new long[] { type, type };
		});
	}

	/**
	 * NWB's pixel masks: a 1-D dataset of the compound (x uint32, y uint32, weight float32), one element per pixel.
	 */
	void pixelMask(final String name, final int[] x, final int[] y, final float[] weight) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(12 * x.length).order(ByteOrder.nativeOrder());
		for (int i = 0; i < x.length; i++)
			b.putInt(x[i]).putInt(y[i]).putFloat(weight[i]);
		dataset(name, new long[] { x.length }, b.array(), true, ids -> new long[] { compound(ids,
			HDF5Constants.H5T_STD_U32LE, HDF5Constants.H5T_IEEE_F32LE), compound(ids, HDF5Constants.H5T_NATIVE_UINT32,
				HDF5Constants.H5T_NATIVE_FLOAT) });
	}

	private static long compound(final Ids ids, final long xy, final long weight) {
		final long t = ids.add(Kind.TYPE, H5.H5Tcreate(HDF5Constants.H5T_COMPOUND, 12));
		H5.H5Tinsert(t, "x", 0, xy);
		H5.H5Tinsert(t, "y", 4, xy);
		H5.H5Tinsert(t, "weight", 8, weight);
		return t;
	}

	private static long[] texts(final Ids ids) {
		final long t = ids.add(Kind.TYPE, text());
		return new long[] { t, t };
	}

	private static long[] doubles(final Ids ids) {
		return new long[] { HDF5Constants.H5T_IEEE_F64LE, HDF5Constants.H5T_NATIVE_DOUBLE };
	}

	/** The file and memory types of a dataset, made (and closed) with the dataset's identifiers. */
	@FunctionalInterface
	private interface Types {

		long[] make(Ids ids);
	}

	/**
	 * A dataset of {@code dims} (none: scalar) holding {@code data} (an array of the memory type's values; text as
	 * String[]), chunked and compressed when {@code compress} and large enough.
	 */
	private void dataset(final String name, final long[] dims, final Object data, final boolean compress,
		final Types types) throws IOException
	{
		try (Ids ids = new Ids()) {
			final long[] t = types.make(ids);
			final long space = ids.add(Kind.SPACE, space(dims));
			final long plist = ids.add(Kind.PLIST, datasetPlist(dims, compress));
			final long d = ids.add(Kind.DATASET, H5.H5Dcreate(file, name, t[0], space, HDF5Constants.H5P_DEFAULT, plist,
				HDF5Constants.H5P_DEFAULT));
			if (java.lang.reflect.Array.getLength(data) == 0) return;
			if (data instanceof String[]) H5.H5Dwrite_VLStrings(d, t[1], HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL,
				HDF5Constants.H5P_DEFAULT, (String[]) data);
			else H5.H5Dwrite(d, t[1], HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, HDF5Constants.H5P_DEFAULT, data);
		}
		catch (final HDF5Exception e) {
			throw failure("write the dataset", name, e);
		}
	}

	/** A soft link {@code name} → {@code target} (an absolute path). */
	void softLink(final String name, final String target) throws IOException {
		try {
			H5.H5Lcreate_soft(target, file, name, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
		}
		catch (final HDF5Exception e) {
			throw failure("create the link to " + target + " at", name, e);
		}
	}

	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		try {
			H5.H5Fclose(file);
		}
		catch (final HDF5Exception e) {
			throw new IOException("Cannot close the HDF5 file " + path + ": " + e.getMessage(), e);
		}
	}

	/** Variable-length UTF-8 text, as h5py writes Python str. */
	private static long text() {
		final long t = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
		H5.H5Tset_size(t, HDF5Constants.H5T_VARIABLE);
		H5.H5Tset_cset(t, HDF5Constants.H5T_CSET_UTF8);
		return t;
	}

	/** Dataset creation: no object times (so nothing but the data differs between runs); chunked and compressed. */
	private static long datasetPlist(final long[] dims, final boolean compress) {
		final long p = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
		H5.H5Pset_obj_track_times(p, false);
		long n = 1;
		for (final long d : dims)
			n *= d;
		if (compress && dims.length > 0 && n >= COMPRESS_FROM) {
			final long[] chunk = dims.clone();
			// whole rows (all ROIs at a time point), as many as fit
			long rest = CHUNK_ELEMENTS;
			for (int i = dims.length - 1; i > 0; i--)
				rest = Math.max(1, rest / Math.max(1, dims[i]));
			chunk[0] = Math.max(1, Math.min(dims[0], rest));
			H5.H5Pset_chunk(p, dims.length, chunk);
			H5.H5Pset_deflate(p, 4);
		}
		return p;
	}

	private IOException failure(final String what, final String object, final HDF5Exception e) {
		return new IOException("Cannot " + what + " " + object + " in " + path.getFileName() + ": " + e.getMessage(),
			e);
	}

	/** How each kind of identifier is closed. */
	private enum Kind {
		TYPE, SPACE, PLIST, OBJECT, ATTRIBUTE, DATASET, GROUP;

		void close(final long id) {
			switch (this) {
				case TYPE: H5.H5Tclose(id); break;
				case SPACE: H5.H5Sclose(id); break;
				case PLIST: H5.H5Pclose(id); break;
				case OBJECT: H5.H5Oclose(id); break;
				case ATTRIBUTE: H5.H5Aclose(id); break;
				case DATASET: H5.H5Dclose(id); break;
				default: H5.H5Gclose(id); break;
			}
		}
	}

	/** The identifiers opened for one call, closed in reverse order whatever happens. */
	private static final class Ids implements AutoCloseable {

		private final Deque<Object[]> open = new ArrayDeque<>();

		/** Remembers an identifier of this kind to close; returns it. */
		long add(final Kind kind, final long id) {
			open.push(new Object[] { id, kind });
			return id;
		}

		@Override
		public void close() {
			while (!open.isEmpty()) {
				final Object[] e = open.pop();
				try {
					((Kind) e[1]).close((Long) e[0]);
				}
				catch (final HDF5Exception ignored) {
					// closing after a failure: the failure is what is reported
				}
			}
		}
	}
}
