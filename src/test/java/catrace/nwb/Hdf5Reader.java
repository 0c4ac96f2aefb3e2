package catrace.nwb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.structs.H5G_info_t;

/**
 * Reads an HDF5 file back with the library that wrote it (the HDF Group's Java API), for tests that compare every
 * value written: datasets as numbers or text, attributes, object references and soft links.
 */
final class Hdf5Reader implements AutoCloseable {

	private final long file;

	Hdf5Reader(final Path path) {
		Hdf5Library.require();
		file = H5.H5Fopen(path.toString(), HDF5Constants.H5F_ACC_RDONLY, HDF5Constants.H5P_DEFAULT);
	}

	boolean exists(final String path) {
		if (path.equals("/")) return true;
		final String[] parts = path.substring(1).split("/");
		String at = "";
		for (final String p : parts) {
			at += "/" + p;
			if (!H5.H5Lexists(file, at, HDF5Constants.H5P_DEFAULT)) return false;
		}
		return true;
	}

	/** The names of a group's members, in HDF5's name order. */
	List<String> members(final String group) {
		final long g = H5.H5Gopen(file, group, HDF5Constants.H5P_DEFAULT);
		try {
			final H5G_info_t info = H5.H5Gget_info(g);
			final List<String> out = new ArrayList<>();
			for (long i = 0; i < info.nlinks; i++)
				out.add(H5.H5Lget_name_by_idx(g, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i,
					HDF5Constants.H5P_DEFAULT));
			return out;
		}
		finally {
			H5.H5Gclose(g);
		}
	}

	/** The target of a soft link, or null when {@code path} is not one. */
	String softLink(final String path) {
		if (H5.H5Lget_info(file, path, HDF5Constants.H5P_DEFAULT).type != HDF5Constants.H5L_TYPE_SOFT) return null;
		final String[] target = new String[2];
		H5.H5Lget_value(file, path, target, HDF5Constants.H5P_DEFAULT);
		return target[0];
	}

	long[] dims(final String path) {
		final long d = H5.H5Dopen(file, path, HDF5Constants.H5P_DEFAULT);
		final long s = H5.H5Dget_space(d);
		try {
			final int n = H5.H5Sget_simple_extent_ndims(s);
			final long[] dims = new long[n];
			if (n > 0) H5.H5Sget_simple_extent_dims(s, dims, null);
			return dims;
		}
		finally {
			H5.H5Sclose(s);
			H5.H5Dclose(d);
		}
	}

	private int elements(final String path) {
		long n = 1;
		for (final long d : dims(path))
			n *= d;
		return (int) n;
	}

	/** HDF5 type class and size of a dataset, e.g. "float/8", "integer/4", "string/variable", "compound/12". */
	String type(final String path) {
		final long d = H5.H5Dopen(file, path, HDF5Constants.H5P_DEFAULT);
		final long t = H5.H5Dget_type(d);
		try {
			final int c = H5.H5Tget_class(t);
			final String cls = c == HDF5Constants.H5T_FLOAT ? "float" : c == HDF5Constants.H5T_INTEGER ? "integer"
				: c == HDF5Constants.H5T_STRING ? "string" : c == HDF5Constants.H5T_COMPOUND ? "compound"
					: c == HDF5Constants.H5T_ENUM ? "enum" : c == HDF5Constants.H5T_REFERENCE ? "reference" : "class" + c;
			return cls + "/" + (c == HDF5Constants.H5T_STRING && H5.H5Tis_variable_str(t) ? "variable" : Long
				.toString(H5.H5Tget_size(t)));
		}
		finally {
			H5.H5Tclose(t);
			H5.H5Dclose(d);
		}
	}

	double[] doubles(final String path) {
		final double[] v = new double[elements(path)];
		read(path, HDF5Constants.H5T_NATIVE_DOUBLE, v);
		return v;
	}

	/** Reads a whole dataset into {@code into}, converted to {@code memType}. */
	private void read(final String path, final long memType, final Object into) {
		final long d = H5.H5Dopen(file, path, HDF5Constants.H5P_DEFAULT);
		try {
			H5.H5Dread(d, memType, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, HDF5Constants.H5P_DEFAULT, into);
		}
		finally {
			H5.H5Dclose(d);
		}
	}

	double scalar(final String path) {
		return doubles(path)[0];
	}

	long[] longs(final String path) {
		final long[] v = new long[elements(path)];
		read(path, HDF5Constants.H5T_NATIVE_INT64, v);
		return v;
	}

	/** An enum of int8 (h5py's bool) as true/false by the member names. */
	boolean[] booleans(final String path) {
		final int n = elements(path);
		final byte[] raw = new byte[n];
		final long d = H5.H5Dopen(file, path, HDF5Constants.H5P_DEFAULT);
		final long t = H5.H5Dget_type(d);
		try {
			H5.H5Dread(d, t, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, HDF5Constants.H5P_DEFAULT, raw);
			final boolean[] v = new boolean[n];
			for (int i = 0; i < n; i++) {
				final String name = H5.H5Tenum_nameof(t, new byte[] { raw[i] }, 16);
				if (!name.equals("TRUE") && !name.equals("FALSE")) throw new AssertionError(path + ": enum member " + name);
				v[i] = name.equals("TRUE");
			}
			return v;
		}
		finally {
			H5.H5Tclose(t);
			H5.H5Dclose(d);
		}
	}

	String[] texts(final String path) {
		final String[] v = new String[elements(path)];
		final long d = H5.H5Dopen(file, path, HDF5Constants.H5P_DEFAULT);
		final long t = H5.H5Dget_type(d);
		try {
			H5.H5Dread_VLStrings(d, t, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, HDF5Constants.H5P_DEFAULT, v);
			return v;
		}
		finally {
			H5.H5Tclose(t);
			H5.H5Dclose(d);
		}
	}

	String text(final String path) {
		return texts(path)[0];
	}

	/** The pixel masks: {x, y} per pixel and the weights. */
	Object[] pixelMask(final String path) {
		final int n = elements(path);
		final byte[] raw = new byte[12 * n];
		final long mem = H5.H5Tcreate(HDF5Constants.H5T_COMPOUND, 12);
		H5.H5Tinsert(mem, "x", 0, HDF5Constants.H5T_NATIVE_UINT32);
		H5.H5Tinsert(mem, "y", 4, HDF5Constants.H5T_NATIVE_UINT32);
		H5.H5Tinsert(mem, "weight", 8, HDF5Constants.H5T_NATIVE_FLOAT);
		try {
			read(path, mem, raw);
		}
		finally {
			H5.H5Tclose(mem);
		}
		final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
		final long[] x = new long[n], y = new long[n];
		final float[] w = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = b.getInt() & 0xffffffffL;
			y[i] = b.getInt() & 0xffffffffL;
			w[i] = b.getFloat();
		}
		return new Object[] { x, y, w };
	}

	/** Unsigned 32-bit integers. */
	long[] unsigned(final String path) {
		final int[] v = new int[elements(path)];
		read(path, HDF5Constants.H5T_NATIVE_UINT32, v);
		final long[] out = new long[v.length];
		for (int i = 0; i < v.length; i++)
			out[i] = v[i] & 0xffffffffL;
		return out;
	}

	String[] attributeTexts(final String object, final String name) {
		final long o = H5.H5Oopen(file, object, HDF5Constants.H5P_DEFAULT);
		final long a = H5.H5Aopen(o, name, HDF5Constants.H5P_DEFAULT);
		final long t = H5.H5Aget_type(a);
		final long s = H5.H5Aget_space(a);
		try {
			if (!H5.H5Tis_variable_str(t)) throw new AssertionError(object + "@" + name +
				" is not a variable-length string");
			final String[] v = new String[(int) H5.H5Sget_simple_extent_npoints(s)];
			H5.H5Aread_VLStrings(a, t, v);
			return v;
		}
		finally {
			H5.H5Sclose(s);
			H5.H5Tclose(t);
			H5.H5Aclose(a);
			H5.H5Oclose(o);
		}
	}

	String attributeText(final String object, final String name) {
		return attributeTexts(object, name)[0];
	}

	double attributeDouble(final String object, final String name) {
		final double[] v = new double[1];
		readAttribute(object, name, HDF5Constants.H5T_NATIVE_DOUBLE, v);
		return v[0];
	}

	int attributeInt(final String object, final String name) {
		final int[] v = new int[1];
		readAttribute(object, name, HDF5Constants.H5T_NATIVE_INT32, v);
		return v[0];
	}

	private void readAttribute(final String object, final String name, final long memType, final Object into) {
		final long o = H5.H5Oopen(file, object, HDF5Constants.H5P_DEFAULT);
		final long a = H5.H5Aopen(o, name, HDF5Constants.H5P_DEFAULT);
		try {
			H5.H5Aread(a, memType, into);
		}
		finally {
			H5.H5Aclose(a);
			H5.H5Oclose(o);
		}
	}

	/** The path of the object an object-reference attribute points at. */
	String referenceTarget(final String object, final String name) {
		final byte[] ref = new byte[8];
		readAttribute(object, name, HDF5Constants.H5T_STD_REF_OBJ, ref);
		final long target = H5.H5Rdereference(file, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5R_OBJECT, ref);
		try {
			return H5.H5Iget_name(target);
		}
		finally {
			H5.H5Oclose(target);
		}
	}

	@Override
	public void close() {
		H5.H5Fclose(file);
	}
}
