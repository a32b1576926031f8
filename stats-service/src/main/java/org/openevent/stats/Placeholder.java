package org.openevent.stats;
/** Temporary. */
class Placeholder {}
