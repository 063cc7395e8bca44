package org.propusk.audit;

import java.util.Locale;

/**
 * Every kind of audited event. Each has a description for people ({@code audit.kind.<name>} in
 * the messages); a test fails when one is missing.
 */
public enum AuditKind {
  /** A Simplified account was opened at the end of a registration. */
  ACCOUNT_OPENED,
  /** The citizen signed in (with the password, and the second factor when the account has one). */
  SIGNED_IN,
  /** The password was right but the second-factor code was wrong; the details name the method. */
  SECOND_FACTOR_FAILED,
  /** A sign-in with this account's login failed; recorded without an account for unknown logins. */
  SIGN_IN_FAILED,
  /** The citizen signed out. */
  SIGNED_OUT,
  /** An access recovery was started; recorded without an account for unknown logins. */
  RECOVERY_STARTED,
  /**
   * A recovery went past the second factor, which the citizen said was lost, with a code to the
   * account's other contact; the details name that contact's channel.
   */
  SECOND_FACTOR_BYPASSED,
  /** An access recovery ended with a new password (recorded as well as PASSWORD_CHANGED). */
  RECOVERY_COMPLETED,
  /** The password was changed, by recovery or by the signed-in owner; other sessions ended. */
  PASSWORD_CHANGED,
  /**
   * A new phone or e-mail was proven by a code and waits out the cooling-off period; the old
   * contact was told, with a link that cancels it.
   */
  CONTACT_CHANGE_REQUESTED,
  /** A pending contact change was cancelled; the details say how (link: every session ended). */
  CONTACT_CHANGE_CANCELLED,
  /** The phone or e-mail was changed or added, after its cooling-off period. */
  CONTACT_CHANGED,
  /** Fields of "Мои данные" changed; the details name the fields, never their values. */
  PROFILE_CHANGED,
  /** A registry check of a document ended; the details give document, outcome and reason. */
  DOCUMENT_CHECKED,
  /**
   * The citizen proved their identity; the details give the method and its source (the service
   * centre, the letter, the certificate).
   */
  IDENTITY_CONFIRMED,
  /** The account level changed; the details give the old and the new level. */
  LEVEL_CHANGED,
  /**
   * The owner deleted the account. Recorded without a client address; from then on the account's
   * entries keep kind, time, actor and details, never an address.
   */
  ACCOUNT_DELETED,
  /** A second factor was turned on; the details name it ({@code method=otp} or {@code sms}). */
  SECOND_FACTOR_ON,
  /** A second factor was turned off; the details name it. */
  SECOND_FACTOR_OFF,
  /** A single-use recovery code was accepted; the details give how many are left. */
  RECOVERY_CODE_USED,
  /** A new set of recovery codes replaced the old one. */
  RECOVERY_CODES_RENEWED,
  /**
   * The account was given a role; the details name it and who granted it ({@code
   * role=administrator by=<account id>}, or {@code by=configuration} for the first administrator).
   */
  ROLE_GRANTED,
  /** An administrator took a role away from the account; the details name it and the administrator. */
  ROLE_REVOKED,
  /** An administrator registered a relying party; recorded in the administrator's history with its client id. */
  RELYING_PARTY_REGISTERED,
  /** An administrator changed a relying party's registration; the details give its client id and new version. */
  RELYING_PARTY_CHANGED,
  /** An administrator deactivated a relying party; its tokens and consents were removed. */
  RELYING_PARTY_DEACTIVATED,
  /**
   * An administrator added an entry to the services catalogue; recorded in the administrator's
   * history with its code ({@code entry=<code> shown=<true|false>}).
   */
  CATALOGUE_ENTRY_ADDED,
  /**
   * An administrator changed an entry of the services catalogue; the details give its code, the
   * fields that changed and whether it is shown now ({@code shown=false}: hidden).
   */
  CATALOGUE_ENTRY_CHANGED,
  /** A new secret was made for a relying party (shown once to the administrator named as actor). */
  CLIENT_SECRET_ISSUED,
  /**
   * A service presented a sign-in code a second time; what was issued for it was revoked. The
   * details name the client.
   */
  AUTHORIZATION_CODE_REPLAYED,
  /**
   * A service's refresh token was used after it had been replaced; every token of that sign-in at
   * that service was revoked. The details name the client.
   */
  REFRESH_TOKEN_REUSED,
  /**
   * A new key signs the tokens of the OpenID Connect provider (no account); the details give the
   * algorithm and both key ids.
   */
  SIGNING_KEY_ROTATED,
  /** The citizen allowed a portal to receive data; the details name the portal and the scopes. */
  CONSENT_GRANTED,
  /**
   * A portal's consent ended and its tokens for the account were revoked; the details name the
   * portal and whether the citizen refused it on the consent page or withdrew it.
   */
  CONSENT_WITHDRAWN,
  /**
   * A portal received data about the citizen; the details name the portal, the channel ({@code
   * id_token} or {@code userinfo}) and the claims by name, never their values.
   */
  ATTRIBUTES_RELEASED,
  /**
   * A service-centre operator acted: recorded in the operator's history and, when it concerned a
   * citizen, in the citizen's too. The details give the action ({@code searched}, {@code
   * identity_confirmed}), the centre's code, the operator's account id, for a search what it was
   * by and whether it found someone (never the value), and last the centre's name ({@code
   * centre_name=...}), which the citizen's history shows.
   */
  OPERATOR_ACTION,
  /** An administrator registered a service centre; recorded in the administrator's history with its code. */
  SERVICE_CENTRE_ADDED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
