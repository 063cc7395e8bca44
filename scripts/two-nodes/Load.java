import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load through the load balancer, for scripts/two-nodes.sh: each virtual citizen registers
 * (phone, SMS code read from the development outbox, password), then signs in and uses its session
 * (GET /api/v1/me) again and again, signing out and in now and then. No sticky sessions: every
 * request may reach either node. Prints one line per 5 s and a summary; every failed request is
 * printed with its time, so that the failures can be set against the moment a node was stopped.
 *
 * <p>java scripts/two-nodes/Load.java BASE_URL SECONDS CITIZENS
 */
public class Load {

  static final Pattern CSRF = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  static final AtomicLong requests = new AtomicLong();
  static final AtomicLong failures = new AtomicLong();
  static final AtomicInteger registered = new AtomicInteger();
  static final AtomicLong signIns = new AtomicLong();
  static final AtomicLong sessionUses = new AtomicLong();
  static final List<String> failureLines = java.util.Collections.synchronizedList(new ArrayList<>());

  public static void main(String[] args) throws Exception {
    String base = args[0];
    long seconds = Long.parseLong(args[1]);
    int citizens = Integer.parseInt(args[2]);
    Instant end = Instant.now().plusSeconds(seconds);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < citizens; i++) {
      int n = i;
      threads.add(Thread.ofPlatform().name("citizen-" + n).start(() -> citizen(base, n, end)));
    }
    Thread reporter =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (true) {
                    try {
                      Thread.sleep(5000);
                    } catch (InterruptedException e) {
                      return;
                    }
                    System.out.printf(
                        "%s requests=%d failures=%d registered=%d sign-ins=%d session-uses=%d%n",
                        Instant.now(), requests.get(), failures.get(), registered.get(), signIns.get(), sessionUses.get());
                  }
                });
    for (Thread t : threads) {
      t.join();
    }
    reporter.interrupt();
    System.out.println("== load summary");
    System.out.printf(
        "requests=%d failures=%d registered=%d sign-ins=%d session-uses=%d%n",
        requests.get(), failures.get(), registered.get(), signIns.get(), sessionUses.get());
    failureLines.forEach(line -> System.out.println("failure: " + line));
  }

  static void citizen(String base, int n, Instant end) {
    Client c = new Client(base);
    String phone = "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    String password = "тихая-гавань-у-моря-" + n + "-" + ThreadLocalRandom.current().nextInt(1000, 9999);
    try {
      String started =
          c.post("/api/v1/registrations", "{\"lastName\":\"Козлова\",\"firstName\":\"Ирина\",\"phone\":\"" + phone + "\",\"acceptTerms\":true}", 201);
      if (started == null) {
        return;
      }
      Matcher id = ID.matcher(started);
      id.find();
      String code = awaitCode(c, phone);
      if (code == null || c.post("/api/v1/registrations/" + id.group(1) + "/confirmation", "{\"code\":\"" + code + "\"}", 200) == null) {
        return;
      }
      if (c.post("/api/v1/registrations/" + id.group(1) + "/password", "{\"password\":\"" + password + "\",\"passwordRepeat\":\"" + password + "\"}", 201) == null) {
        return;
      }
      registered.incrementAndGet();
      while (Instant.now().isBefore(end)) {
        Client session = new Client(base);
        if (session.post("/api/v1/session", "{\"login\":\"" + phone + "\",\"password\":\"" + password + "\"}", 200) == null) {
          continue;
        }
        signIns.incrementAndGet();
        for (int i = 0; i < 10 && Instant.now().isBefore(end); i++) {
          if (session.get("/api/v1/me", 200) != null) {
            sessionUses.incrementAndGet();
          }
          Thread.sleep(100);
        }
        session.delete("/api/v1/session", 204);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String awaitCode(Client c, String phone) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      String outbox = c.get("/dev/outbox", 200);
      if (outbox != null) {
        int at = outbox.indexOf("\"to\":\"" + phone + "\"");
        if (at >= 0) {
          Matcher code = CODE.matcher(outbox.substring(at, Math.min(outbox.length(), at + 400)));
          if (code.find()) {
            return code.group(1);
          }
        }
      }
      Thread.sleep(500);
    }
    return null;
  }

  /** One client: its cookie jar, its own address in X-Forwarded-For (the limits are per address). */
  static final class Client {
    final String base;
    final HttpClient http;
    final String address;

    Client(String base) {
      this.base = base;
      this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
      ThreadLocalRandom r = ThreadLocalRandom.current();
      this.address = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    String get(String path, int expected) {
      return send(request(path).GET(), expected, "GET " + path);
    }

    String post(String path, String json, int expected) {
      String token = csrf();
      if (token == null) {
        return null;
      }
      return send(
          request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(json)),
          expected,
          "POST " + path);
    }

    String delete(String path, int expected) {
      String token = csrf();
      return token == null ? null : send(request(path).header("X-CSRF-TOKEN", token).DELETE(), expected, "DELETE " + path);
    }

    String csrf() {
      String answer = get("/api/v1/csrf", 200);
      if (answer == null) {
        return null;
      }
      Matcher token = CSRF.matcher(answer);
      return token.find() ? token.group(1) : null;
    }

    HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json")
          .header("X-Forwarded-For", address);
    }

    String send(HttpRequest.Builder request, int expected, String what) {
      requests.incrementAndGet();
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == expected) {
          return response.body();
        }
        fail(what + " -> " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
      } catch (java.io.IOException e) {
        fail(what + " -> " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }

    void fail(String line) {
      failures.incrementAndGet();
      failureLines.add(Instant.now() + " " + line);
    }
  }
}
