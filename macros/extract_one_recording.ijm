// CaTrace: extract F, F0, dF/F (%) and the noise level from one recording, then print each ROI's noise level.
// Edit the paths below and run it from Fiji (Plugins > Macros > Run...), or headless with the paths as argument:
//   ImageJ-linux64 --headless -batch extract_one_recording.ijm "image=[/data/scan.tif] bands=[12-30,41-58] output=[/data/out]"
// Every parameter is passed; a key left out would take its default (macros never use values remembered by dialogs).

image = "/path/to/recording.tif";        // TIFF, ScanImage TIFF, or a Prairie line-scan folder / .xml
bands = "";                              // line scans: "12-30,41-58" or "auto"; empty = use roiFile
roiFile = "/path/to/RoiSet.zip";         // frame stacks: RoiSet.zip, .roi or a label image; "" when bands are given
output = "/path/to/output";              // CSV + PNG are written here; existing outputs are never replaced

// Settings (see the README for each one)
kind = "auto";                           // auto, [line scan] or [frame stack]
channel = "green";                       // green, red or a channel number
rateHz = 0;                              // lines or frames per second; 0 = from the file's metadata
baseline = "running percentile";         // running percentile, percentile, mean, median or time range
baselinePercentile = 10;
baselineWindowS = 30;
baselineSmoothingS = 0.5;
neuropilFactor = 0;                      // F - r * F_neuropil; 0 = off

// "image=[…] bands=[…] roi=[…] output=[…]" as the macro argument replaces the paths above
args = getArgument();
if (args != "") {
	image = call("ij.Macro.getValue", args, "image", image);
	bands = call("ij.Macro.getValue", args, "bands", bands);
	roiFile = call("ij.Macro.getValue", args, "roi", roiFile);
	output = call("ij.Macro.getValue", args, "output", output);
}

run("Extract Calcium Traces", "image_file=[" + image + "] roi_file=[" + roiFile + "] bands=[" + bands + "] kind=[" + kind + "] channel=" + channel + " rate_hz=" + rateHz + " trials=separate baseline=[" + baseline + "] baseline_percentile=" + baselinePercentile + " baseline_window_s=" + baselineWindowS + " baseline_smoothing_s=" + baselineSmoothingS + " baseline_start_s=0 baseline_end_s=0 neuropil_factor=" + neuropilFactor + " offset=[] dark_periods=exclude output_folder=[" + output + "] overwrite=false");

// The per-ROI summary is in the Results table. If the command failed, the macro has ended above with its reason
// (CaTrace empties the Results table before it starts, so no earlier results are ever printed here).
for (i = 0; i < nResults; i++)
	print(getResultString("roi", i) + ": noise level " + d2s(getResult("noise_level_pct_per_sqrt_hz", i), 2) + " %/sqrt(Hz) at " + d2s(getResult("rate_hz", i), 2) + " Hz " + getResultString("flag", i));
