package io.jcoro.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that went through build-time weaving ({@code jcoro-maven-plugin} or
 * {@code java -jar jcoro-agent.jar instrument}): instrumented if it has coroutine code, left as
 * it was otherwise. Written by the weaver, never by hand: the agent and the weaver leave a
 * marked class alone, and the runtime takes a marked class on the stack at the first use of
 * {@link Generator} as the sign that the program is woven and needs no agent (see
 * {@link Jcoro}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Woven {
    /**
     * @return the agent/runtime contract version the generated code targets
     *         ({@link Jcoro#CONTRACT_VERSION} of the runtime it was woven for)
     */
    int contract();
}
