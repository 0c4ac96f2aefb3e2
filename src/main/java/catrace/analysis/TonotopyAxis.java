package catrace.analysis;

/** The spatial axis along which best frequencies are compared with position. */
public enum TonotopyAxis {
	/** The image x axis (e.g. rostro-caudal when the field is so oriented). */
	X,
	/** The image y axis. */
	Y,
	/**
	 * The principal axis of the positions of the ROIs tested (eigenvector of the largest eigenvalue of their 2×2
	 * covariance), oriented so that its x component is positive (its y component when it is vertical).
	 */
	PRINCIPAL
}
