package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.DuplicateKeyException;

/** A duplicate key is told apart by its constraint, in the words of both databases. */
class DuplicateKeysTests {

  final ObjectProvider<UniqueKey> keys = keys();

  @Test
  void aDeclaredConstraintBecomesItsProblemOnPostgreSqlAndH2() {
    for (String message :
        java.util.List.of(
            "ERROR: duplicate key value violates unique constraint \"identity_profile_snils_uk\"\n  Detail: Key (snils_lookup)=(x) already exists.",
            "Unique index or primary key violation: \"public.identity_profile_snils_uk_index_8 ON public.identity_profile(snils_lookup NULLS FIRST) VALUES ( /* 2 */ 'x' )\"",
            "Unique index or primary key violation: \"PUBLIC.IDENTITY_PROFILE_SNILS_UK_INDEX_8 ON PUBLIC.IDENTITY_PROFILE(SNILS_LOOKUP)\"")) {
      Problem problem = DuplicateKeys.problemFor(duplicate(message), keys);
      assertThat(problem).as(message).isInstanceOf(InvalidInput.class);
      assertThat(((InvalidInput) problem).violations()).containsExactly(new Violation("snils", "taken"));
    }
  }

  @Test
  void anotherConstraintIsAChangeThatCameFirst() {
    for (String message :
        java.util.List.of(
            "ERROR: duplicate key value violates unique constraint \"identity_profile_pkey\"",
            // a longer name that starts with a declared one is not that one
            "ERROR: duplicate key value violates unique constraint \"identity_profile_snils_uk2\"",
            "Unique index or primary key violation: \"PRIMARY KEY ON public.identity_profile(account_id)\"")) {
      assertThat(DuplicateKeys.problemFor(duplicate(message), keys)).as(message).isInstanceOf(ChangedMeanwhile.class);
    }
  }

  private static DuplicateKeyException duplicate(String message) {
    return new DuplicateKeyException("insert failed", new SQLException(message, "23505"));
  }

  private static ObjectProvider<UniqueKey> keys() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("snils", new UniqueKey("identity_profile_snils_uk", () -> new InvalidInput("snils", "taken")));
    return beans.getBeanProvider(UniqueKey.class);
  }
}
