/**
 * Motion correction: rigid frame-to-template shifts by phase correlation (FFTs from JTransforms, sub-pixel by an
 * upsampled DFT around the peak), templates built iteratively from the recording, and shifts applied without
 * wrap-around (pixels that leave the field are left out).
 * <p>
 * May import {@code model} and {@code quality}; no ImageJ 1, AWT or SciJava.
 */
package catrace.registration;
