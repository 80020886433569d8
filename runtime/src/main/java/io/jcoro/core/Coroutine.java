package io.jcoro.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that may suspend: it may call {@link Co#yield(Object)}, {@link Co#receive()},
 * {@link Co#yieldFrom(Generator)} or other {@code @Coroutine} methods, and a suspension anywhere
 * below it suspends it too.
 *
 * <p>The jcoro agent rewrites every such method into a resumable state machine. Calls between
 * {@code @Coroutine} methods are ordinary Java calls: a generator body calls {@code a()}, which
 * calls {@code b()}, which yields, and the whole stack suspends; the next {@code next()} resumes
 * inside {@code b()} with every local of {@code a()} and {@code b()} as it was.
 *
 * <p>Rules, all checked:
 * <ul>
 *   <li>Every method between the generator body and a suspension must be a coroutine: annotated,
 *       an override of an annotated method, or a lambda or method reference whose functional
 *       interface method is annotated (such as {@link CoRunnable}). A suspension that passes
 *       through any other frame (an unannotated helper, reflection, a stream's lambda) fails with
 *       a {@link NotInstrumentedException} naming that frame; it never resumes into a wrong state.
 *   <li>Methods that override an annotated method are coroutines too, with or without the
 *       annotation.
 *   <li>A suspension may not happen while a monitor is held ({@code synchronized} methods and
 *       blocks). The agent refuses such a method when it loads the class, with one
 *       {@code [jcoro]} line naming class, method and line, and the method then throws a
 *       {@link NotInstrumentedException} with that message.
 *   <li>A native method cannot be a coroutine: the agent logs the same line but leaves the
 *       method native, so a call does what the native method does ({@link UnsatisfiedLinkError}
 *       if no library binds it) and never suspends.
 *   <li>A constructor cannot be one: this annotation applies to methods only.
 * </ul>
 * A coroutine method called outside any generator runs as a plain method until it tries to
 * suspend, which throws {@code IllegalStateException("Co.yield called outside any generator,
 * at ...")} naming the method (see {@link Co}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Coroutine {
}
