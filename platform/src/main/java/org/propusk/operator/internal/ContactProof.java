package org.propusk.operator.internal;

import java.time.Instant;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.shared.ConfirmationCode;

/**
 * A visitor's phone or e-mail being proven at an operator's desk: a code goes to the contact, the
 * visitor reads it out, the operator types it. Belongs to the operator who started it, ends at
 * {@code expiresAt}; its code counts wrong entries ({@link ConfirmationCode}).
 */
final class ContactProof {

  private final UUID id;
  private final UUID operatorId;
  private final Contact contact;
  private final ConfirmationCode code;
  private final Instant createdAt;
  private final Instant expiresAt;
  private Instant provenAt;

  ContactProof(
      UUID id, UUID operatorId, Contact contact, ConfirmationCode code, Instant createdAt, Instant expiresAt, Instant provenAt) {
    this.id = id;
    this.operatorId = operatorId;
    this.contact = contact;
    this.code = code;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.provenAt = provenAt;
  }

  /** Open to its own operator until it expires, proven or not. */
  boolean isOpenFor(UUID operator, Instant now) {
    return operatorId.equals(operator) && now.isBefore(expiresAt);
  }

  void prove(Instant now) {
    provenAt = now;
  }

  String channel() {
    return contact instanceof Contact.Phone ? "sms" : "email";
  }

  UUID id() { return id; }
  UUID operatorId() { return operatorId; }
  Contact contact() { return contact; }
  ConfirmationCode code() { return code; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  Instant provenAt() { return provenAt; }
}
