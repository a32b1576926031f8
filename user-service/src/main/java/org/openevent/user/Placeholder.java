package org.openevent.user;
/** Temporary. */
class Placeholder {}
