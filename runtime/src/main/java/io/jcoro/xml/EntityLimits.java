package io.jcoro.xml;

import java.util.List;

/**
 * The JDK's entity size limits, which the sources lift. Since JDK 24 (JDK-8343006) the limit
 * on general entities defaults to 100,000 and every reference to a predefined entity such as
 * {@code &amp;amp;} counts towards it, so a large document full of ampersands fails half-way.
 * The sources refuse DTDs, so no entity can be declared and none can amplify: the limits
 * protect against nothing there.
 */
final class EntityLimits {
    /** The JAXP property names (the long form, understood by JDK 17 as well as 24+). */
    static final List<String> PROPERTIES = List.of(
            "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit",
            "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit");

    private EntityLimits() {
    }
}
