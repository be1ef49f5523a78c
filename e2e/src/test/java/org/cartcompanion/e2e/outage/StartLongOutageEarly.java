package org.cartcompanion.e2e.outage;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Begins the five-minute outage when the suite starts, if the suite includes {@link AlertServiceOutageIT}: its wait then runs
 * beside the other scenarios instead of after them. Registered in META-INF/services; does nothing for a run without that class
 * (a benchmark, a single test).
 */
public class StartLongOutageEarly implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.getSource().orElse(null) instanceof ClassSource source
                        && source.getClassName().equals(AlertServiceOutageIT.class.getName())) {
                    System.out.println("e2e: the five-minute alert-service outage begins now, beside the other scenarios");
                    LongOutage.begin();
                    return;
                }
            }
        }
    }
}
