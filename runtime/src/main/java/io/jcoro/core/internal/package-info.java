/**
 * Not API: the entry points that instrumented code calls, the contract between the code the
 * agent or the weaver generates and the runtime. Do not call, subclass or rely on anything here;
 * it changes whenever {@link io.jcoro.core.internal.Contract#VERSION} does (only
 * {@link io.jcoro.core.internal.Contract} itself is frozen). Left out of the published Javadoc.
 *
 * <ul>
 *   <li>{@link io.jcoro.core.internal.Frames}: every call generated code makes (entry, handshake,
 *       suspension points, capture, restore);
 *   <li>{@link io.jcoro.core.internal.Continuation}: the saved state those calls work on, which
 *       {@link io.jcoro.core.Generator} extends (through its package-private engine);
 *   <li>{@link io.jcoro.core.internal.Contract}: the contract version, and the check a woven
 *       class makes against it when it initializes.
 * </ul>
 *
 * <p>The other classes here are the machinery behind them, public only where the API package
 * needs them. The agent keeps the catalogue of every name and descriptor it emits
 * ({@code io.jcoro.agent.contract.RuntimeNames}), checked against this package by a test.
 * {@code docs/DESIGN.md} section 5 describes the contract.
 *
 * <p>Layering: part of the core, and used by no other package's source; the woven classes of
 * every layer call it (checked by {@code LayeringTest}).
 */
package io.jcoro.core.internal;
