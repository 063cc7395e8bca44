package org.propusk.shared;

/**
 * One rule a field broke: the field's name as the API and the form call it, and a code whose
 * message is {@code violation.<field>.<code>} or, failing that, {@code violation.<code>}.
 */
public record Violation(String field, String code) {}
