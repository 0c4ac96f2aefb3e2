// CaTrace: extract F, F0, dF/F (%) and the noise level from one recording, then print each ROI's noise level.
// Copy this file, change the three paths, and run it from Fiji (Plugins > Macros > Run…).
// Every parameter is passed: SciJava would otherwise reuse the last value of any key left out.
image = "/path/to/recording.tif";       // TIFF, ScanImage TIFF, or a Prairie line-scan folder / .xml
bands = "";                             // line scans: "12-30,41-58" or "auto"; empty = use roi_file
roiFile = "/path/to/RoiSet.zip";         // frame stacks: RoiSet.zip, .roi or a label image
out = "/path/to/output";

run("Extract Calcium Traces", "image_file=[" + image + "] roi_file=[" + roiFile + "] bands=[" + bands + "] kind=auto channel=green rate_hz=0 trials=separate baseline=[running percentile] baseline_percentile=10 baseline_window_s=30 baseline_smoothing_s=0.5 baseline_start_s=0 baseline_end_s=0 neuropil_factor=0 output_folder=[" + out + "] overwrite=false");

for (i = 0; i < nResults; i++)
	print(getResultString("roi", i) + ": noise level " + d2s(getResult("noise_level_pct_per_sqrt_hz", i), 2) + " %/sqrt(Hz) " + getResultString("flag", i));
