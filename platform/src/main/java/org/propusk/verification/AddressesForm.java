package org.propusk.verification;

/**
 * The addresses of "Мои данные" as typed: the registration address (адрес регистрации), checked
 * at the interior ministry, and optionally the address where one lives; an empty or missing one is
 * removed.
 */
public record AddressesForm(AddressForm registration, AddressForm residence) {}
