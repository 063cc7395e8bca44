package org.propusk.authentication.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of a sign-in flow, from {@code propusk.sign-in}.
 *
 * @param secondFactorTtl time for the second factor once the password was right
 * @param wrongCodesPerFlow wrong second-factor codes after which the flow is over
 */
@ConfigurationProperties("propusk.sign-in")
record SignInPolicy(Duration secondFactorTtl, int wrongCodesPerFlow, Duration cleanupEvery) {}
