package org.propusk.account;

import java.util.Locale;

/** How a citizen proved their identity, the evidence that (with verified documents) gives Confirmed. */
public enum IdentityProofMethod {
  /** The one-time code from a letter sent by registered post to the verified registration address. */
  POST_CODE,
  /** An operator compared the passport with the verified profile at a service centre. */
  SERVICE_CENTRE,
  /** A qualified electronic signature whose certificate names the verified SNILS and name. */
  QUALIFIED_SIGNATURE;

  /** The name in API answers and audit details, e.g. {@code service_centre}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
