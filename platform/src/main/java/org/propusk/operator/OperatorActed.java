package org.propusk.operator;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: an operator did something at a service centre. Carries no personal data: a search
 * names what it searched by ({@code snils}, {@code passport}, {@code phone}) and whether it found
 * someone, never the value.
 *
 * @param citizenId the citizen concerned; null for a search that found nobody
 * @param centreCode the centre's code (e.g. {@code MSK-001})
 * @param centreName the centre's name, as the citizen's history shows it
 * @param detail e.g. {@code by=snils found=true}; empty when there is nothing to add
 */
public record OperatorActed(
    UUID operatorId,
    String centreCode,
    String centreName,
    OperatorAction action,
    UUID citizenId,
    String detail,
    Occurrence occurrence) {}
