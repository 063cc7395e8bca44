/**
 * SMS and e-mail to citizens: composed from domain events taken from the transactional outbox (the
 * event publication registry), delivered through gateway ports, retried until delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.propusk.notification;
