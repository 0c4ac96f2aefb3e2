/**
 * Turns results into tables and pictures: ImageJ tables and plots, CSV and PNG output sets. Display only formats
 * and draws; it computes nothing a table or plot reports.
 * <p>
 * May import every package below it.
 */
package catrace.display;
