package catrace.events;

/**
 * One local maximum of the low-pass-filtered &Delta;F/F with the two features of Rothschild, Nelken &amp; Mizrahi
 * (2010): the amplitude (rise over the amplitude window before the peak, % &Delta;F/F) and the area (integral of
 * &Delta;F/F around the peak, %&middot;s). Immutable.
 */
public final class Peak {

	private final int index;
	private final double timeS;
	private final double amplitudePct;
	private final double areaPctS;
	private final boolean areaExtrapolated;

	public Peak(final int index, final double timeS, final double amplitudePct, final double areaPctS,
		final boolean areaExtrapolated)
	{
		this.index = index;
		this.timeS = timeS;
		this.amplitudePct = amplitudePct;
		this.areaPctS = areaPctS;
		this.areaExtrapolated = areaExtrapolated;
	}

	/** Sample index of the peak in the trace. */
	public int index() {
		return index;
	}

	/** Time of the peak from the first sample (s). */
	public double timeS() {
		return timeS;
	}

	/** ΔF/F(peak) − ΔF/F(peak − amplitude window), in % ΔF/F. */
	public double amplitudePct() {
		return amplitudePct;
	}

	/** ∫ ΔF/F dt from peak − area-before to peak + area-after, in %·s. */
	public double areaPctS() {
		return areaPctS;
	}

	/**
	 * True when the area window ran past the end of the trace and the last sample was held to fill it (peaks within
	 * the area-after window of the end).
	 */
	public boolean areaExtrapolated() {
		return areaExtrapolated;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "Peak[t=%.4f s, amplitude=%.3f %%, area=%.4f %%·s]", timeS,
			amplitudePct, areaPctS);
	}
}
