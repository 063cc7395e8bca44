package org.propusk.test;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON request body built from fuzzer data with an endpoint's own field names, so that mutations
 * reach the fields' rules instead of dying in the parser: mostly an object of known fields with
 * plausible, wrong-typed, huge, Unicode, surrogate or control-character values, and also unknown
 * and duplicate names, nesting, other top-level values, truncated and non-UTF-8 bytes.
 */
public final class FuzzedJson {

  /** A field of the endpoint's body and values that its rules accept or nearly accept. */
  public record Field(String name, List<String> plausible) {

    public static Field of(String name, String... plausible) {
      return new Field(name, List.of(plausible));
    }
  }

  /** Strings that broke or nearly broke servers: surrogates, controls, direction marks, nulls. */
  private static final List<String> NASTY =
      List.of(
          "\ud800",
          "a\udc00b",
          "\ud83d\ude00",
          "\u0000",
          "\u202e\u2066",
          "\u200b",
          "\ufeff",
          "\u0301\u0301\u0301",
          "%00",
          "../../etc/passwd",
          "' or 1=1 --",
          "<script>alert(1)</script>",
          "${jndi:ldap://x}",
          "Ивaнов",
          "\u00a0\u3000",
          "\r\n",
          "null");

  private static final List<String> NUMBERS =
      List.of("0", "-1", "1e999999", "-0.0", "12345678901234567890123456789", "1.5", "9223372036854775807", "NaN", "0x10", "01");

  private static final int MAX_DEPTH = 3;

  private final FuzzedDataProvider data;
  private final List<Field> fields;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private FuzzedJson(FuzzedDataProvider data, List<Field> fields) {
    this.data = data;
    this.fields = fields;
  }

  /** The body's bytes, as sent. */
  public static byte[] body(FuzzedDataProvider data, List<Field> fields) {
    FuzzedJson json = new FuzzedJson(data, fields);
    json.topLevel();
    return json.out.toByteArray();
  }

  private void topLevel() {
    switch (data.consumeInt(0, 19)) {
      case 0 -> { } // no body at all
      case 1 -> value(0);
      case 2 -> {
        write("[");
        object(0);
        write("]");
      }
      case 3 -> {
        object(0);
        byte[] whole = out.toByteArray();
        out.reset();
        out.write(whole, 0, data.consumeInt(0, whole.length)); // cut anywhere
      }
      case 4 -> out.writeBytes(data.consumeBytes(200));
      case 5 -> {
        int depth = data.consumeInt(1, 5_000); // past any nesting limit
        write("[".repeat(depth));
        object(0);
        write("]".repeat(data.consumeBoolean() ? depth : depth / 2));
      }
      default -> object(0);
    }
  }

  private void object(int depth) {
    write("{");
    int count = data.consumeInt(0, fields.size() + 2);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        write(data.consumeInt(0, 30) == 0 ? ",," : ",");
      }
      // mostly one of the endpoint's fields (repeats make duplicate names), sometimes anything
      Field field = fields.isEmpty() || data.consumeInt(0, 9) == 0 ? null : data.pickValue(fields);
      if (field == null) {
        string(data.consumeString(30));
      } else {
        string(data.consumeInt(0, 9) == 0 ? field.name().toUpperCase() : field.name());
      }
      write(":");
      value(depth, field == null ? List.of() : field.plausible());
    }
    write("}");
  }

  private void value(int depth, List<String> plausible) {
    if (!plausible.isEmpty() && data.consumeBoolean()) {
      String example = data.pickValue(plausible);
      if (data.consumeInt(0, 3) == 0) {
        // an almost valid value: one edit of a valid one
        int at = data.consumeInt(0, example.length());
        example = example.substring(0, at) + data.consumeString(3) + example.substring(Math.min(example.length(), at + data.consumeInt(0, 2)));
      }
      if (example.matches("true|false|-?[0-9]+") && data.consumeBoolean()) {
        write(example); // as the JSON literal the field takes
      } else {
        string(example);
      }
      return;
    }
    value(depth);
  }

  private void value(int depth) {
    switch (data.consumeInt(0, 11)) {
      case 0 -> write(data.pickValue(NUMBERS));
      case 1 -> write(String.valueOf(data.consumeLong()));
      case 2 -> write(data.pickValue(List.of("true", "false", "null")));
      case 3 -> {
        if (depth < MAX_DEPTH) {
          object(depth + 1);
        } else {
          write("{}");
        }
      }
      case 4 -> {
        write("[");
        int count = depth < MAX_DEPTH ? data.consumeInt(0, 3) : 0;
        for (int i = 0; i < count; i++) {
          write(i > 0 ? "," : "");
          value(depth + 1);
        }
        write("]");
      }
      case 5 -> string(data.consumeString(20).repeat(data.consumeInt(1, 4_000))); // up to past the body limit
      case 6 -> string(data.pickValue(NASTY) + data.consumeString(10));
      case 7 -> {
        // bytes that are not UTF-8 inside a string
        write("\"");
        out.writeBytes(data.consumeBytes(8));
        write("\"");
      }
      case 8 -> write(data.consumeString(12)); // a bare token: not JSON
      default -> string(data.consumeString(100));
    }
  }

  /** A JSON string, escaped in one of several legal (and one illegal) ways. */
  private void string(String text) {
    int style = data.consumeInt(0, 5);
    StringBuilder s = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (style == 0 && c < 0x20) {
        s.append(c); // raw control character: not JSON
      } else if (c < 0x20 || (style == 1 && c > 0x7e) || Character.isSurrogate(c)) {
        // \\u escapes keep lone surrogates as they are; UTF-8 could not carry them
        s.append("\\u%04x".formatted((int) c));
      } else {
        s.append(c);
      }
    }
    write(s.append('"').toString());
  }

  private void write(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
