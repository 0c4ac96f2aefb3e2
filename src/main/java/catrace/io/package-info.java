/**
 * Reading and writing what lives on disk: recordings (TIFF, ScanImage, Bruker/Prairie folders, an open ImagePlus),
 * ROI files (RoiSet.zip, .roi, label images, bands) and CSV tables; writing them so that a kill or a full disk loses
 * nothing (atomic files, sets of files swapped in with a journal, an output folder locked by one run). ImageJ 1
 * types appear only here and in the display/command edges. What a file says is checked before it is believed: TIFF
 * page directories against the file size and against the layout ImageJ assumes ({@code TiffPages},
 * {@code ImageJTiffLayout}), numbers in headers and tables as plain decimals only ({@code PlainNumbers},
 * {@code CsvFiles.number}), sampling rates through {@code Timing}'s one range check.
 * <p>
 * May import {@code model}, {@code quality} and {@code roi}.
 */
package catrace.io;
