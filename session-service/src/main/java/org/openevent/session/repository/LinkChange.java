package org.openevent.session.repository;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What turns one list of linked ids into another: the ids to unlink and the ids to link. */
record LinkChange(List<Long> removed, List<Long> added) {

    static LinkChange between(List<Long> before, List<Long> after) {
        return new LinkChange(before.stream().filter(id -> !after.contains(id)).toList(),
                after.stream().distinct().filter(id -> !before.contains(id)).toList());
    }

    /** Every id whose link changes. */
    Set<Long> touched() {
        Set<Long> touched = new TreeSet<>(removed);
        touched.addAll(added);
        return touched;
    }
}
