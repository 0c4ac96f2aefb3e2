/**
 * Neurodata Without Borders (NWB 2.x) files of CaTrace's results: {@code CalciumNwb} holds what one file says (the
 * session, the imaging plane, ROI masks, F, F0 and ΔF/F series, transients, trials, dark periods and stimuli),
 * {@code CalciumNwbBuilder} makes it from a recording's result tables (in a run, or read back from an output folder),
 * {@code NwbWriter} writes it with the HDF5 C library ({@code Hdf5File}), which {@code Hdf5Library} loads only when a
 * file is written: nothing else in CaTrace needs a native library.
 * <p>
 * May import every package below it ({@code model} to {@code batch}); no ImageJ 1, AWT, Swing or SciJava.
 */
package catrace.nwb;
