/**
 * Citizens' accounts: names, contacts, credentials, consents, and the account level derived from
 * evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package org.propusk.account;
