/**
 * Operating the platform: counters of the domain's events (sign-ins, registrations, registry
 * checks) for Micrometer, beside those its modules count where their work happens. Nothing depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.propusk.operations;
