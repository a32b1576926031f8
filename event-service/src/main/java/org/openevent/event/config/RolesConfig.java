package org.openevent.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Role invitations and the calls they make to user-service. */
@ConfigMapping(prefix = "openevent.roles")
public interface RolesConfig {

    /** How long an invitation can be accepted. */
    @WithDefault("7d")
    Duration inviteTtl();
}
