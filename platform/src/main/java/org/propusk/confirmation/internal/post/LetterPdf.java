package org.propusk.confirmation.internal.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A batch of letters as one PDF, one A4 page each: the recipient's address block, the code, what to
 * do with it and until when. Cyrillic needs an embedded TrueType font: Liberation Sans (SIL Open
 * Font License), which PDFBox bundles, embedded as a subset.
 */
final class LetterPdf {

  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final float MARGIN = 56;

  /** One page's content; {@code code} in clear, only here. */
  record Page(String shortId, String recipient, List<String> address, String code, Instant expiresAt) {
    @Override
    public String toString() {
      return "Page[" + shortId + "]";
    }
  }

  private LetterPdf() {}

  static byte[] render(List<Page> pages, String siteUrl) {
    try (PDDocument document = new PDDocument();
        InputStream font = LetterPdf.class.getResourceAsStream(FONT)) {
      if (font == null) {
        throw new IllegalStateException("the PDF font " + FONT + " is not on the classpath");
      }
      PDType0Font sans = PDType0Font.load(document, font, true);
      document.getDocumentInformation().setTitle("Пропуск: письма с кодом подтверждения");
      for (Page page : pages) {
        PDPage pdf = new PDPage(PDRectangle.A4);
        document.addPage(pdf);
        try (PDPageContentStream out = new PDPageContentStream(document, pdf)) {
          write(out, sans, pdf.getMediaBox(), page, siteUrl);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the letters", e);
    }
  }

  private static void write(PDPageContentStream out, PDType0Font font, PDRectangle box, Page page, String siteUrl)
      throws IOException {
    float top = box.getHeight() - MARGIN;
    // sender, top left
    lines(out, font, 10, MARGIN, top, List.of("Отправитель: «Пропуск»", "Госуслуги для граждан", "Письмо " + page.shortId()));
    // recipient, right half, as on a C5 window envelope
    List<String> recipient = new ArrayList<>();
    recipient.add("Кому: " + page.recipient());
    recipient.add("Куда:");
    recipient.addAll(page.address());
    lines(out, font, 12, box.getWidth() / 2, top - 90, recipient);

    float y = top - 300;
    lines(out, font, 16, MARGIN, y, List.of("Код подтверждения личности"));
    lines(out, font, 30, MARGIN, y - 50, List.of(PostCode.printed(page.code())));
    String until = DATE.format(page.expiresAt().atZone(MOSCOW));
    lines(
        out,
        font,
        11,
        MARGIN,
        y - 100,
        List.of(
            "Войдите на " + siteUrl + " и откройте «Как подтвердить личность» → «Кодом по почте».",
            "Введите этот код. После этого ваша учётная запись станет подтверждённой.",
            "Код действует до " + until + " включительно. Его можно ввести не больше 5 раз.",
            "Никому не сообщайте код: сотрудники «Пропуска» его никогда не спрашивают.",
            "Если вы не заказывали это письмо, не вводите код и смените пароль."));
  }

  private static void lines(PDPageContentStream out, PDType0Font font, float size, float x, float y, List<String> lines)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.setLeading(size * 1.4f);
    out.newLineAtOffset(x, y);
    for (String line : lines) {
      out.showText(line);
      out.newLine();
    }
    out.endText();
  }
}
