/**
 * Access recovery: a code to the confirmed phone or e-mail, then a new password; other sessions
 * end. Reveals nothing about whether an account exists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recovery")
package org.propusk.recovery;
