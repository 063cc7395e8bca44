/**
 * Sign-in and sign-out with phone, e-mail or SNILS and password; sessions, their timeouts, and the
 * throttling of failed attempts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authentication")
package org.propusk.authentication;
