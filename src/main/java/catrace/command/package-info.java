/**
 * The SciJava commands of the Fiji menu (Plugins &gt; CaTrace): thin glue that turns parameters into settings,
 * runs the pipeline and hands the outputs to Fiji or to files. Shared parameter groups live in the superclasses
 * WritingCommand, TraceCommand and DetectingCommand; CommandInputs puts each command's inputs in its dialog order.
 * <p>
 * May import every package below it.
 */
package catrace.command;
