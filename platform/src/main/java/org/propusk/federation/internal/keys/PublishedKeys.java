package org.propusk.federation.internal.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * Public parts of every published key: what {@code /oauth2/jwks} shows and what Propusk's own
 * decoder (userinfo) trusts. Never a private part: {@link JWK#toPublicJWK()} is all it holds.
 */
public class PublishedKeys implements JWKSource<SecurityContext> {

  private final SigningKeys keys;

  public PublishedKeys(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(keys.published().stream().map(JWK::toPublicJWK).toList()));
  }
}
