/**
 * Proof of identity beyond the registry checks, the step from Standard to Confirmed: a one-time
 * code sent by registered post to the verified registration address, and a qualified electronic
 * signature whose certificate names the verified person. (In person at a service centre is the
 * operator module's.) Each way ends in {@code Accounts.recordIdentityProof}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Confirmation")
package org.propusk.confirmation;
