package io.jcoro.tests.fuzz.ref;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reference variant's stand-in for {@code io.jcoro.core.Coroutine}: same simple name, so a
 * generated program's text compiles unchanged against either, but the agent does not know it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Coroutine {
}
