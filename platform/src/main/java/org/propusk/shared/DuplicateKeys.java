package org.propusk.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place where a duplicate key becomes an answer (issue 15): two requests that both passed
 * a "taken?" check race to insert, and the loser's {@link DuplicateKeyException} would be a 500.
 * Around every transactional method, outside its transaction (so that a duplicate found at commit
 * counts too), a duplicate of a constraint declared as a {@link UniqueKey} becomes that key's
 * problem, the same one a sequential request gets; any other duplicate becomes {@link
 * ChangedMeanwhile}. Only the outermost transactional call translates: inside a transaction, code
 * that expects a duplicate (and catches it) still sees it.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeys {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor duplicateKeyAdvisor(ObjectProvider<UniqueKey> keys) {
    ComposablePointcut transactional =
        new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
            .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
    MethodInterceptor translate =
        invocation -> {
          if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
          }
          try {
            return invocation.proceed();
          } catch (DuplicateKeyException duplicate) {
            throw problemFor(duplicate, keys);
          }
        };
    DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, translate);
    // outside the transaction advisor (lowest precedence), so that it sees failures at commit
    advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return advisor;
  }

  static Problem problemFor(DuplicateKeyException duplicate, ObjectProvider<UniqueKey> keys) {
    String message = String.valueOf(duplicate.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
    return keys.orderedStream()
        .filter(key -> names(message, key.constraint()))
        .findFirst()
        .<Problem>map(key -> key.problem().get())
        .orElseGet(ChangedMeanwhile::new);
  }

  /**
   * PostgreSQL names the constraint; H2 names the unique index, which for a constraint is the
   * constraint's name followed by {@code _index_<n>}.
   */
  private static boolean names(String message, String constraint) {
    return Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(constraint) + "(_index_[a-z0-9]+)?(?![a-z0-9_])")
        .matcher(message)
        .find();
  }
}
