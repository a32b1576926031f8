package org.openevent.session.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openevent.session.domain.Microlocation;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.SessionType;
import org.openevent.session.domain.Speaker;
import org.openevent.session.domain.Track;

/**
 * Sessions with what a response needs about them: the caller's access and, for each requested include,
 * the related rows (each loaded with one query for the whole page).
 */
public record SessionGraph(List<Session> sessions, long total, EventAccess access, Set<String> include,
                           Map<Long, List<Long>> speakerIds, Map<Long, Speaker> speakers, Map<Long, Track> tracks,
                           Map<Long, Microlocation> microlocations, Map<Long, SessionType> sessionTypes) {

    public Session first() {
        return sessions.get(0);
    }
}
