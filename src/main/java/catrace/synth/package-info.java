/**
 * Synthetic recordings with ground truth (Poisson spikes, indicator kinetics, shot noise at a chosen &nu;,
 * neuropil, drift), synthetic tone, spatial-tuning and grating experiments (planted functional types), and the
 * files they are written to.
 * <p>
 * May import every package below it; ImageJ 1 only to write the TIFF and RoiSet files.
 */
package catrace.synth;
