package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The administrator's batch of letters with a post code, and the codes read out of its PDF. */
public final class LetterBatches {

  private static final Pattern CODE = Pattern.compile("\\b([A-Z0-9]{5}-[A-Z0-9]{5})\\b");

  private LetterBatches() {}

  /** Downloads the batch of every queued letter as the admin page does; the PDF's bytes. */
  public static byte[] download(ApiClient administrator) {
    HttpResponse<byte[]> batch = administrator.download("/admin/post-letters/batch");
    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(batch.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    return batch.body();
  }

  /** The text of the page of this letter ({@code Письмо <shortId>}), as a reader would copy it. */
  public static String pageOf(byte[] pdf, String shortId) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper text = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        String content = text.getText(document);
        if (content.contains("Письмо " + shortId)) {
          return content;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no page for letter " + shortId);
  }

  /** The code printed on this letter's page. */
  public static String codeOf(byte[] pdf, String shortId) {
    Matcher code = CODE.matcher(pageOf(pdf, shortId));
    assertThat(code.find()).as("a code on the page of letter " + shortId).isTrue();
    return code.group(1);
  }
}
