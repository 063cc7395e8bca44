/**
 * The demo portal ({@code /demo-rp}, {@code dev} profile only): an outside relying party that
 * signs citizens in with Propusk the way any portal would, over HTTP with the authorization code
 * flow, PKCE and a nonce, and shows what it received. It uses no other module: only the provider's
 * public endpoints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo relying party")
package org.propusk.demo;
