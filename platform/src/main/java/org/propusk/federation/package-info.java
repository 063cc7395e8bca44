/**
 * Signing in to other portals with Propusk: the OpenID Connect provider (Spring Security's
 * authorization server) with Propusk's own sign-in flow as its login page, registered clients,
 * signing keys kept in the database. Depends on account, authentication and the shared kernel; no
 * module depends on it. See docs/adr/0006-openid-connect-provider.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Federation")
package org.propusk.federation;
