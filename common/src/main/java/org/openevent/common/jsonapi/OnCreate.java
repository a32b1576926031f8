package org.openevent.common.jsonapi;

import jakarta.validation.groups.Default;

/**
 * Validation group of POST bodies: constraints declared with it (typically "required") apply on create
 * only, so a PATCH may leave them out; every Default constraint applies too.
 */
public interface OnCreate extends Default {

    /** The detail of a missing required attribute, as the original server words it. */
    String REQUIRED = "Missing data for required field.";
}
