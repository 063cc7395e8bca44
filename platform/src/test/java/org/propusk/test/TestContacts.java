package org.propusk.test;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh contacts, so that tests never share an account however often the suite runs. */
public final class TestContacts {

  private static final String[] MOBILE_PREFIXES = {"912", "916", "926", "903", "905", "915", "925", "999"};

  private TestContacts() {}

  /** A Russian mobile number in E.164, e.g. {@code +79161234567}. */
  public static String phone() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "+7" + MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%07d", r.nextInt(10_000_000));
  }

  public static String email() {
    return "citizen-" + UUID.randomUUID().toString().substring(0, 12) + "@example.ru";
  }
}
