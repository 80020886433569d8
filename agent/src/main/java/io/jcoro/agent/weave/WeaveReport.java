package io.jcoro.agent.weave;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one weaving run did: how many class files it changed, skipped and left alone, and every
 * refusal and failure, each naming the class (and, for a refusal, the method and line).
 */
public final class WeaveReport {
    int woven;
    int alreadyWoven;
    int upToDate;
    int unchanged;
    final List<String> refusals = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    /** @return class files instrumented (and marked) by this run */
    public int woven() {
        return woven;
    }

    /** @return class files that already carried the woven mark */
    public int alreadyWoven() {
        return alreadyWoven;
    }

    /** @return class files not modified since the last run, not even read */
    public int upToDate() {
        return upToDate;
    }

    /** @return class files that need no instrumentation (marked all the same) */
    public int unchanged() {
        return unchanged;
    }

    /** @return the instrumenter's refusals, one message each (class, method, line, reason) */
    public List<String> refusals() {
        return Collections.unmodifiableList(refusals);
    }

    /** @return classes that could not be processed at all, with the reason */
    public List<String> failures() {
        return Collections.unmodifiableList(failures);
    }

    /** @return one line for a build log */
    public String summary() {
        return "woven " + woven + " class" + (woven == 1 ? "" : "es") + "; " + alreadyWoven
                + " already woven, " + upToDate + " up to date, " + unchanged + " without coroutines (marked only)"
                + (refusals.isEmpty() ? "" : "; " + refusals.size() + " refused method"
                + (refusals.size() == 1 ? "" : "s"))
                + (failures.isEmpty() ? "" : "; " + failures.size() + " failed");
    }
}
