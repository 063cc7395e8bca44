/**
 * Self-service registration of a Simplified account: names, one contact confirmed by a code or a
 * link, consent, and a password.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registration")
package org.propusk.registration;
