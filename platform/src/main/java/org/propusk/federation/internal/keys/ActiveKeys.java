package org.propusk.federation.internal.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * The keys that sign now, one per algorithm, for the encoder only. Kept apart from the published
 * keys on purpose: Spring's {@code NimbusJwtEncoder} refuses to sign when its source offers two
 * keys for one algorithm, which the published set does during a rotation.
 */
public class ActiveKeys implements JWKSource<SecurityContext> {

  private final SigningKeys keys;

  public ActiveKeys(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(keys.active()));
  }
}
