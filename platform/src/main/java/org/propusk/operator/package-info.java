/**
 * Service centres and their operators: the centres and who works where (created by
 * administrators), and the operator console where an operator finds a citizen and confirms their
 * identity in person after comparing the passport with the verified profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service centres")
package org.propusk.operator;
