package catrace.model;

/**
 * Names of the output columns that one part of CaTrace writes and another reads back (the batch's summary.csv reads
 * each recording's ROI table): written once here so writer and reader cannot drift apart. Units are in the names.
 */
public final class ColumnNames {

	/** The noise level ν (Rupprecht et al. 2021), in %·Hz^-1/2. */
	public static final String NOISE_LEVEL = "noise_level_pct_per_sqrt_hz";

	private ColumnNames() {}
}
