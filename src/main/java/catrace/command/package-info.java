/**
 * The SciJava commands of the Fiji menu (Plugins &gt; CaTrace): thin glue that turns parameters into settings,
 * runs the pipeline and hands the outputs to Fiji or to files.
 * <p>
 * May import every package below it.
 */
package catrace.command;
