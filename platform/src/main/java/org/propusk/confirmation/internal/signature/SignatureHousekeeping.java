package org.propusk.confirmation.internal.signature;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.propusk.account.AccountDeleted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Removes expired challenges, and a deleted account's. */
@Configuration(proxyBeanMethods = false)
class SignatureHousekeeping {

  @Bean
  RecurringTask<Void> deleteExpiredSignatureChallenges(SignatureService signatures) {
    return Tasks.recurring("delete-expired-signature-challenges", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> signatures.deleteExpired());
  }

  @Component
  static class ChallengesOfDeletedAccounts {
    private final SignatureService signatures;

    ChallengesOfDeletedAccounts(SignatureService signatures) {
      this.signatures = signatures;
    }

    @ApplicationModuleListener
    void on(AccountDeleted event) {
      signatures.deleteOf(event.accountId());
    }
  }
}
