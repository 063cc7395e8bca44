package org.propusk.operator.internal;

import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.ConfirmationCodeColumns;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactProofRepository {

  private final JdbcClient jdbc;

  ContactProofRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ContactProof proof) {
    ConfirmationCodeColumns.bind(
            jdbc.sql(
                """
                insert into operator_contact_proof (id, operator_id, channel, contact, proven_at, code_hash,
                  code_expires_at, code_wrong_entries, total_wrong_entries, codes_sent, last_code_sent_at,
                  created_at, expires_at)
                values (:id, :operator, :channel, :contact, null, :codeHash, :codeExpiresAt, :codeWrongEntries,
                  :totalWrongEntries, :codesSent, :lastCodeSentAt, :createdAt, :expiresAt)
                """),
            proof.code())
        .param("id", proof.id())
        .param("operator", proof.operatorId())
        .param("channel", proof.channel())
        .param("contact", proof.contact().value())
        .param("createdAt", DbTime.of(proof.createdAt()))
        .param("expiresAt", DbTime.of(proof.expiresAt()))
        .update();
  }

  void update(ContactProof proof) {
    ConfirmationCodeColumns.bind(
            jdbc.sql(
                """
                update operator_contact_proof set proven_at = :provenAt, code_hash = :codeHash,
                  code_expires_at = :codeExpiresAt, code_wrong_entries = :codeWrongEntries,
                  total_wrong_entries = :totalWrongEntries, codes_sent = :codesSent, last_code_sent_at = :lastCodeSentAt
                where id = :id
                """),
            proof.code())
        .param("provenAt", DbTime.of(proof.provenAt()))
        .param("id", proof.id())
        .update();
  }

  /** The proof, locked against a parallel entry of a code in another request. */
  Optional<ContactProof> findForUpdate(UUID id) {
    return jdbc.sql("select * from operator_contact_proof where id = :id for update")
        .param("id", id)
        .query(
            (rs, row) ->
                new ContactProof(
                    rs.getObject("id", UUID.class),
                    rs.getObject("operator_id", UUID.class),
                    "sms".equals(rs.getString("channel"))
                        ? new Contact.Phone(MobilePhone.parse(rs.getString("contact")).value())
                        : new Contact.Email(EmailAddress.parse(rs.getString("contact")).value()),
                    ConfirmationCodeColumns.read(rs),
                    DbTime.read(rs, "created_at"),
                    DbTime.read(rs, "expires_at"),
                    DbTime.read(rs, "proven_at")))
        .optional();
  }
}
