package catrace.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.gui.Plot;

import catrace.io.CsvFiles;

/** Saves ImageJ plots as PNG files (atomically; same plot gives the same bytes). */
public final class PlotFiles {

	private PlotFiles() {}

	public static void savePng(final Plot plot, final Path file, final boolean overwrite) throws IOException {
		final BufferedImage img = plot.getImagePlus().getBufferedImage();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		if (!ImageIO.write(img, "png", bytes)) throw new IOException("No PNG writer available in this Java");
		CsvFiles.writeAtomically(file, bytes.toByteArray(), overwrite);
	}
}
