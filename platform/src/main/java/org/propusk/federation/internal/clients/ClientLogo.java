package org.propusk.federation.internal.clients;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.propusk.shared.InvalidInput;

/**
 * A relying party's logo as uploaded: PNG or JPEG, recognised by its first bytes (not by the name
 * or type the browser claims), at most {@value #MAX_BYTES} bytes and {@value #MAX_SIDE} pixels a
 * side. SVG is refused: it may carry scripts. What is stored is the picture drawn again as PNG, so
 * that nothing but pixels survives (no metadata, no file that is also something else).
 */
final class ClientLogo {

  static final int MAX_BYTES = 256 * 1024;
  static final int MAX_SIDE = 1024;
  static final String TYPE = "image/png";

  private ClientLogo() {}

  /**
   * The PNG to store.
   *
   * @throws InvalidInput on field {@code logo}
   */
  static byte[] read(byte[] upload, String fileName) {
    if (upload.length > MAX_BYTES) {
      throw new InvalidInput("logo", "logo_too_large");
    }
    if (!png(upload) && !jpeg(upload)) {
      throw new InvalidInput("logo", svg(upload, fileName) ? "logo_svg" : "logo_type");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(upload));
    } catch (IOException | RuntimeException broken) {
      image = null;
    }
    if (image == null) {
      throw new InvalidInput("logo", "logo_type");
    }
    if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
      throw new InvalidInput("logo", "logo_dimensions");
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return png.toByteArray();
  }

  private static boolean png(byte[] bytes) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return startsWith(bytes, magic);
  }

  private static boolean jpeg(byte[] bytes) {
    return startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
  }

  /** Only to say why a file is refused. */
  private static boolean svg(byte[] bytes, String fileName) {
    String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return start.contains("<svg") || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".svg"));
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
