package org.propusk.operator;

import java.util.Locale;

/** What an operator did at a service centre, as the audit trail names it. */
public enum OperatorAction {
  /** Looked a citizen up by SNILS, passport or phone (recorded in the operator's history). */
  SEARCHED,
  /** Confirmed a Standard citizen's identity after comparing the passport (in the citizen's history). */
  IDENTITY_CONFIRMED,
  /** Sent a code to a visitor's phone or e-mail, to prove the contact at the desk. */
  CONTACT_CODE_SENT,
  /** Typed the code the visitor read out: the contact is the visitor's. */
  CONTACT_PROVEN,
  /** Opened an account for a visitor on the spot, identity proven by the passport in hand. */
  VISITOR_REGISTERED,
  /** Replaced the contacts of a Confirmed citizen who lost them all with one proven at the desk. */
  CONTACT_REPLACED;

  /** The name in audit details, e.g. {@code identity_confirmed}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
