package catrace.command;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scijava.module.DefaultMutableModuleInfo;
import org.scijava.module.MethodCallException;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.InputHarvester;

/**
 * A CaTrace command's dialog with its inputs in the command's order ({@link CommandInputs}): just before Fiji's
 * input harvester would show the inputs superclass first, the same harvester is shown a view of the module that lists
 * them in order and with the command's labels; what the user enters goes straight into the module. Inputs the view
 * leaves out (a shared group's inputs the command does not take) are marked resolved, so no second dialog asks.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY + 0.5)
public class DialogInputOrder extends AbstractPreprocessorPlugin {

	@Parameter
	private PluginService plugins;

	@Override
	public void process(final Module module) {
		if (!(module.getDelegateObject() instanceof CaTraceCommand) || !DefaultsOutsideDialogs.isDialogRun()) return;
		final Module view = new View(module, CommandInputs.of(module.getInfo()));
		for (final PreprocessorPlugin p : plugins.createInstancesOfType(PreprocessorPlugin.class)) {
			if (!(p instanceof InputHarvester)) continue;
			p.process(view);
			if (p.isCanceled()) {
				cancel(p.getCancelReason());
				return;
			}
		}
		final Set<String> shown = new HashSet<>();
		for (final ModuleItem<?> in : view.getInfo().inputs())
			shown.add(in.getName());
		for (final ModuleItem<?> in : module.getInfo().inputs())
			if (!shown.contains(in.getName()) && CommandInputs.isUserInput(in)) module.resolveInput(in.getName());
	}

	/** The module, with an info that lists the inputs in order; everything else is the module's. */
	private static final class View implements Module {

		private final Module module;
		private final DefaultMutableModuleInfo info = new DefaultMutableModuleInfo();

		View(final Module module, final List<ModuleItem<?>> inputs) {
			this.module = module;
			final ModuleInfo real = module.getInfo();
			info.setName(real.getName());
			info.setLabel(real.getTitle());
			for (final ModuleItem<?> in : inputs)
				info.addInput(in);
		}

		@Override
		public ModuleInfo getInfo() {
			return info;
		}

		@Override
		public void run() {
			module.run();
		}

		@Override
		public void preview() {
			module.preview();
		}

		@Override
		public void cancel() {
			module.cancel();
		}

		@Override
		public void initialize() throws MethodCallException {
			module.initialize();
		}

		@Override
		public Object getDelegateObject() {
			return module.getDelegateObject();
		}

		@Override
		public Object getInput(final String name) {
			return module.getInput(name);
		}

		@Override
		public Object getOutput(final String name) {
			return module.getOutput(name);
		}

		@Override
		public Map<String, Object> getInputs() {
			return module.getInputs();
		}

		@Override
		public Map<String, Object> getOutputs() {
			return module.getOutputs();
		}

		@Override
		public void setInput(final String name, final Object value) {
			module.setInput(name, value);
		}

		@Override
		public void setOutput(final String name, final Object value) {
			module.setOutput(name, value);
		}

		@Override
		public void setInputs(final Map<String, Object> inputs) {
			module.setInputs(inputs);
		}

		@Override
		public void setOutputs(final Map<String, Object> outputs) {
			module.setOutputs(outputs);
		}

		@Override
		public boolean isInputResolved(final String name) {
			return module.isInputResolved(name);
		}

		@Override
		public boolean isOutputResolved(final String name) {
			return module.isOutputResolved(name);
		}

		@Override
		public void resolveInput(final String name) {
			module.resolveInput(name);
		}

		@Override
		public void resolveOutput(final String name) {
			module.resolveOutput(name);
		}

		@Override
		public void unresolveInput(final String name) {
			module.unresolveInput(name);
		}

		@Override
		public void unresolveOutput(final String name) {
			module.unresolveOutput(name);
		}
	}
}
