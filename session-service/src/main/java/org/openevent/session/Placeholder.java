package org.openevent.session;
/** Temporary. */
class Placeholder {}
