/**
 * Turns results into tables and pictures: ImageJ tables, CSV tables, and figures that CaTrace draws itself
 * ({@link catrace.display.Figure}: marks in pixels, painted into a PNG and written as SVG with one
 * {@link catrace.display.PlotStyle}), written together as output sets; and the trace browser (its model, the pictures
 * it shows, its window). Display only formats and draws; it computes nothing a table or figure reports: every plotted
 * number is read from the result object its table is written from (or, in the browser, from the tables).
 * <p>
 * May import every package below it.
 */
package catrace.display;
