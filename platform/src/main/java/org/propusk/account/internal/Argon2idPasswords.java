package org.propusk.account.internal;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes, each computed in its turn at the {@link HashingGate}, in working memory
 * from one pool sized for the gate: at most {@code concurrency} working sets (19 MiB each at the
 * default cost) exist, allocated once and used again, instead of a new one per hash for the
 * garbage collector. The stored form is the PHC string that Spring Security's {@code
 * Argon2PasswordEncoder} writes and reads ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, Base64
 * without padding), computed by the same Bouncy Castle generator: hashes stored before and after
 * this class verify alike; each keeps the cost it was made with.
 */
class Argon2idPasswords implements PasswordEncoder {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  /** Argon2's shortest output. */
  private static final int MIN_HASH_BYTES = 4;
  private static final Pattern PHC =
      Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final HashingGate gate;
  private final Argon2BytesGenerator.BlockPool workingMemory;
  private final BytesKeyGenerator salts = KeyGenerators.secureRandom(SALT_BYTES);

  Argon2idPasswords(int memoryKib, int iterations, int parallelism, HashingGate gate) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.gate = gate;
    // blocks are taken at a hash's start and given back cleared at its end; the pool keeps as many
    // as the gate lets hashes run at once, and allocates more only for a hash of a higher cost
    this.workingMemory =
        new Argon2BytesGenerator.FixedBlockPool(gate.concurrency() * Argon2BytesGenerator.getBlockCount(memoryKib, parallelism));
  }

  @Override
  public String encode(CharSequence rawPassword) {
    byte[] salt = salts.generateKey();
    byte[] hash = hash(rawPassword, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(memoryKib, iterations, parallelism, base64(salt), base64(hash));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    // as Spring Security's encoders: no password (or no hash) matches, and costs no hash
    if (rawPassword == null || rawPassword.isEmpty() || encodedPassword == null) {
      return false;
    }
    Matcher stored = PHC.matcher(encodedPassword);
    if (!stored.matches()) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(stored.group(4));
      expected = Base64.getDecoder().decode(stored.group(5));
    } catch (IllegalArgumentException damaged) {
      return false;
    }
    if (expected.length < MIN_HASH_BYTES) {
      return false;
    }
    byte[] actual =
        hash(
            rawPassword,
            salt,
            Integer.parseInt(stored.group(1)),
            Integer.parseInt(stored.group(2)),
            Integer.parseInt(stored.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private byte[] hash(CharSequence password, byte[] salt, int memory, int passes, int lanes, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memory)
            .withIterations(passes)
            .withParallelism(lanes)
            .withBlockPool(workingMemory)
            .build();
    return gate.run(
        () -> {
          Argon2BytesGenerator generator = new Argon2BytesGenerator();
          generator.init(parameters);
          byte[] hash = new byte[length];
          generator.generateBytes(password.toString().toCharArray(), hash);
          return hash;
        });
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
