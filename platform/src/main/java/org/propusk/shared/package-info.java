/**
 * Shared kernel: time, one-time secrets, shared rate limits and the API's problem answers, used by
 * every capability module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.propusk.shared;
