package org.openevent.user.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The platform administrator account ensured at start-up; absent values disable the bootstrap. */
@ConfigMapping(prefix = "openevent.admin")
public interface AdminConfig {

    /** E-mail address of the administrator account. */
    Optional<String> email();

    /** Password of the administrator account; the stored hash follows it on every start. */
    Optional<String> password();
}
