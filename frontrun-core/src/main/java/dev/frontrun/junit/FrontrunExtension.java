package dev.frontrun.junit;

import dev.frontrun.Frontrun;
import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.AgentRequirement;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit Jupiter extension behind {@link FrontrunTest}.
 *
 * <ul>
 * <li>As an {@link ExecutionCondition}, it disables the test when the frontrun agent is not attached, with the
 * reason and the command that runs it.</li>
 * <li>Around each test, it logs what frontrun ran (approach, executions, and the verdict and explanation where
 * frontrun decided them, and the replay file of a violation) and publishes it as report entries with keys
 * {@code frontrun.*}. The test's class and method name the replay files of its explorations, and select it in
 * the command that replays one.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class FrontrunExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

	/**
	 * Creates the extension; JUnit does, through {@link FrontrunTest}.
	 */
	public FrontrunExtension() {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Frontrun.isAgentActive()) {
			return ConditionEvaluationResult.enabled("the frontrun agent is attached");
		}
		return ConditionEvaluationResult.disabled(AgentRequirement.REASON);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		TestRunLog.open(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Map<String, String> entries = TestRunLog.close();
		if (!entries.isEmpty()) {
			context.publishReportEntry(entries);
		}
	}
}
