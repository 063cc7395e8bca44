package org.propusk.verification.internal.registry;

/** What a registry says about the data it was asked to check. */
public enum RegistryAnswer {
  /** The registry holds this document for this person. */
  VERIFIED,
  /** The registry has no such document. */
  NOT_FOUND,
  /** The document exists, but belongs to another person or its details differ. */
  MISMATCH
}
