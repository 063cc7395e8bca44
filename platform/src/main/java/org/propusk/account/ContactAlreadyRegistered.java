package org.propusk.account;

import java.util.Map;
import org.propusk.shared.Problem;

/** The contact belongs to an account already: the citizen is offered access recovery instead. */
public class ContactAlreadyRegistered extends Problem {

  public static final String RECOVERY_URL = "/recovery";

  public ContactAlreadyRegistered() {
    super(409, "contact-taken");
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("recoveryUrl", RECOVERY_URL);
  }
}
