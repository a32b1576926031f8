package org.openevent.common.internal;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The shared secret that services present to each other on {@code /internal} calls. */
@ConfigMapping(prefix = "openevent.internal")
public interface InternalConfig {

    /** Without it every {@code /internal} route answers 404 and internal calls cannot be made. */
    Optional<String> secret();
}
