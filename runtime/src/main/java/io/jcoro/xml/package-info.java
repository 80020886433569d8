/**
 * XML parsing events pushed through coroutines: the course's Part 3.
 *
 * <p>{@link io.jcoro.xml.SaxSource} (a SAX handler) and {@link io.jcoro.xml.StaxSource} (a pull
 * parser) both send the same {@link io.jcoro.xml.XmlEvent}s ({@code start} with attributes,
 * {@code text}, {@code end}), so the stages downstream run unchanged on either.
 * {@link io.jcoro.xml.Buses} holds the course's bus stages ({@code buses_to_dicts},
 * {@code filter_on_field}, {@code bus_locations}) and {@link io.jcoro.xml.BusDocument} generates
 * an {@code allroutes.xml}-style document of any size, deterministically, without disk.
 * Malformed XML fails with an {@link io.jcoro.xml.XmlSyntaxException} giving line and column,
 * and the pipeline is closed. (In the JDK, StAX uses the same parser as SAX and is not faster,
 * unlike expat in the course.)
 *
 * <p>Layering: uses {@link io.jcoro.core} and {@link io.jcoro.flow} (README "Layers"; checked by {@code LayeringTest}).
 */
package io.jcoro.xml;
