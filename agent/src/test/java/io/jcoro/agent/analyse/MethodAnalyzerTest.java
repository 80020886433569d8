package io.jcoro.agent.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.common.RefusedException;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.fixtures.Mixed;
import io.jcoro.agent.fixtures.Stages;
import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.identify.PointKind;
import io.jcoro.agent.pipeline.PassTesting;
import io.jcoro.agent.prepare.Preparation;
import io.jcoro.agent.prepare.PreparedMethod;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** Analyse: the plan, as data, and the method left as it was. */
class MethodAnalyzerTest {
    private static MethodPlan plan(PassTesting t, String name) throws RefusedException {
        CoroutineMethod c = t.identified(name);
        PreparedMethod prepared = Preparation.prepare(t.owner(), c.method(), c.sites());
        return MethodAnalyzer.analyse(t.owner(), prepared, c.acceptedIds(), t.repository());
    }

    @Test
    void theWorkedExampleSavesTheStackBeneathTheCallAndTheLiveLocalsOnly() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        MethodPlan plan = plan(t, "sum");
        assertEquals("sum", plan.methodName());
        assertEquals(Type.INT_TYPE, plan.returnType());
        assertEquals(RuntimeNames.methodId("sum", "(I)I"), plan.methodId());
        assertEquals(List.of(), plan.alternateIds());
        assertEquals(1, plan.points().size());
        SuspensionPoint p = plan.points().get(0);
        assertEquals(PointKind.CALL, p.kind());
        assertEquals(RuntimeNames.methodId("ask", "(I)I"), p.calleeId());
        assertEquals(List.of(Type.INT_TYPE), p.stack(), "total, pushed before the call");
        assertEquals(List.of(0, 2), p.locals().stream().map(SuspensionPoint.LiveLocal::slot).toList(),
                "n and i; total is overwritten before it is read again");
        assertNull(p.receiverType());
        assertEquals(4, p.primitiveCount(), "3 ints and the resume index");
        assertEquals(0, p.referenceCount());
        // The continuation, entry stamp, receiver and scratch locals follow the method's own.
        assertEquals(t.method("sum").maxLocals, plan.continuationLocal());
    }

    @Test
    void analysisChangesNothingAndThePlanHoldsNoPartOfTheMethod() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        int before = t.method("guarded").instructions.size();
        MethodPlan plan = plan(t, "guarded");
        assertEquals(before, t.method("guarded").instructions.size());
        for (Class<?> record : List.of(MethodPlan.class, SuspensionPoint.class, SuspensionPoint.LiveLocal.class)) {
            for (RecordComponent c : record.getRecordComponents()) {
                assertFalse(c.getType().getName().contains(".tree."), record.getSimpleName() + "." + c.getName());
                assertFalse(c.getType().isArray(), record.getSimpleName() + "." + c.getName() + ": arrays are mutable");
            }
        }
        assertTrue(plan.points().get(0).insnIndex() > 0);
    }

    @Test
    void aSuspensionInsideASynchronizedBlockIsRefusedWithItsLine() throws Exception {
        PassTesting t = new PassTesting(Mixed.class);
        RefusedException refused = Assertions.assertThrows(RefusedException.class, () -> plan(t, "inSynchronizedBlock"));
        assertEquals("io.jcoro.agent.fixtures.Mixed.inSynchronizedBlock(Mixed.java:32): suspension inside a"
                + " synchronized block (the monitor would be released at the suspension)", refused.getMessage());
    }
}
