package org.openevent.export;
/** Temporary. */
class Placeholder {}
