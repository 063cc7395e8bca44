/**
 * The citizen's identity profile ("Мои данные") and its checks against state registries: SNILS at
 * the pension fund (SFR), the passport at the interior ministry (MVD), as durable background jobs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification")
package org.propusk.verification;
