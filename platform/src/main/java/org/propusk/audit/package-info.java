/**
 * The append-only audit trail of security-relevant events: who, when, from where, what; never
 * personal data. Citizens see their own history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.propusk.audit;
