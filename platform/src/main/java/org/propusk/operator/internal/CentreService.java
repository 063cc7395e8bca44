package org.propusk.operator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.propusk.account.AccountDeleted;
import org.propusk.account.Role;
import org.propusk.account.RoleHolder;
import org.propusk.account.Roles;
import org.propusk.identifiers.FreeText;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.operator.ServiceCentreAdded;
import org.propusk.shared.TextLimit;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.propusk.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service centres and their operators, as administrators keep them: a centre is added with its
 * code, name and address; an existing account (by phone or e-mail) becomes an operator of one
 * centre, which grants it the {@link Role#OPERATOR} role through the account module, in the same
 * transaction, so that role and centre never part.
 */
@Service
class CentreService {

  /** Letters, digits and hyphens, e.g. {@code MSK-001}: the code the audit trail names. */
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

  private final ServiceCentreRepository centres;
  private final Roles roles;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CentreService(ServiceCentreRepository centres, Roles roles, ApplicationEventPublisher events, Clock clock) {
    this.centres = centres;
    this.roles = roles;
    this.events = events;
    this.clock = clock;
  }

  /** The centres, by name; each with its operators. */
  @Transactional(readOnly = true)
  List<CentreWithOperators> centresWithOperators() {
    Map<UUID, RoleHolder> holders =
        roles.holders(Role.OPERATOR).stream().collect(Collectors.toMap(RoleHolder::accountId, Function.identity()));
    Map<UUID, List<CentreOperator>> byCentre =
        centres.memberships().stream()
            .filter(m -> holders.containsKey(m.accountId()))
            .map(
                m -> {
                  RoleHolder h = holders.get(m.accountId());
                  return new CentreOperator(h.accountId(), m.centreId(), h.lastName(), h.firstName(), h.login(), m.addedAt());
                })
            .collect(Collectors.groupingBy(CentreOperator::centreId));
    return centres.all().stream()
        .map(c -> new CentreWithOperators(c, byCentre.getOrDefault(c.id(), List.of())))
        .toList();
  }

  @Transactional(readOnly = true)
  List<ServiceCentre> centres() {
    return centres.all();
  }

  /**
   * Registers a centre.
   *
   * @throws InvalidInput {@code centreCode}, {@code centreName}, {@code centreAddress} against
   *     their rules, all at once; {@code centreCode} {@code taken}
   */
  @Transactional
  ServiceCentre add(String code, String name, String address, UUID administrator) {
    List<Violation> violations = new ArrayList<>();
    String normalisedCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (normalisedCode.isEmpty()) {
      violations.add(new Violation("centreCode", "required"));
    } else if (!CODE.matcher(normalisedCode).matches()) {
      violations.add(new Violation("centreCode", "invalid"));
    }
    var parsedName = FreeText.parse(name, TextLimit.CENTRE_NAME.max());
    parsedName.violation().ifPresent(v -> violations.add(new Violation("centreName", v)));
    var parsedAddress = FreeText.parse(address, TextLimit.CENTRE_ADDRESS.max());
    parsedAddress.violation().ifPresent(v -> violations.add(new Violation("centreAddress", v)));
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    ServiceCentre centre =
        new ServiceCentre(UUID.randomUUID(), normalisedCode, parsedName.value().value(), parsedAddress.value().value());
    Instant now = clock.instant();
    if (!centres.insert(centre, now, administrator)) {
      throw new InvalidInput("centreCode", "taken");
    }
    events.publishEvent(new ServiceCentreAdded(administrator, centre.code(), Occurrence.at(now)));
    return centre;
  }

  /**
   * Makes the account with this phone or e-mail an operator of the centre.
   *
   * @throws InvalidInput {@code login} not a phone or e-mail, no such account, or already an
   *     operator (of this or another centre: one centre per operator)
   */
  @Transactional
  void addOperator(UUID centreId, String login, UUID administrator) {
    ServiceCentre centre = centres.find(centreId).orElseThrow(UnknownCentre::new);
    LoginIdentifier identifier =
        LoginIdentifier.classify(login)
            .filter(l -> !(l instanceof LoginIdentifier.BySnils))
            .orElseThrow(() -> new InvalidInput("login", login == null || login.isBlank() ? "required" : "phone_or_email"));
    UUID accountId = roles.grant(identifier, Role.OPERATOR, administrator);
    if (!centres.addOperator(centre.id(), accountId, clock.instant(), administrator)) {
      throw new InvalidInput("login", "already_operator"); // rolls the grant back with it
    }
  }

  /** Takes the operator off the centre and the role away; nothing happens when they are not its operator. */
  @Transactional
  void removeOperator(UUID centreId, UUID accountId, UUID administrator) {
    if (centres.removeOperator(centreId, accountId)) {
      roles.revoke(accountId, Role.OPERATOR, administrator);
    }
  }

  /** The centre an operator works at; empty for an account with the role but no centre. */
  @Transactional(readOnly = true)
  Optional<ServiceCentre> centreOf(UUID operatorId) {
    return centres.centreOf(operatorId);
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    centres.removeOperator(event.accountId());
  }

  record CentreWithOperators(ServiceCentre centre, List<CentreOperator> operators) {}
}
