package org.propusk.confirmation.internal.post;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.propusk.account.ConfirmationWaysPage;
import org.propusk.account.ConfirmationWaysSection;
import org.propusk.shared.Citizen;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The post way on the pages: its block on the ways page (asking for a letter, its state, the code
 * field), and the administrators' page that downloads the day's batch and marks it sent.
 */
@Controller
class PostLetterPages {

  static final String WAYS = "/account/confirmation-ways";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final PostLetters letters;
  private final ConfirmationWaysPage waysPage;
  private final ProblemPages pages;
  private final Clock clock;

  PostLetterPages(PostLetters letters, ConfirmationWaysPage waysPage, ProblemPages pages, Clock clock) {
    this.letters = letters;
    this.waysPage = waysPage;
    this.pages = pages;
    this.clock = clock;
  }

  @PostMapping(WAYS + "/post")
  String request(Model model, HttpServletResponse response) {
    try {
      letters.request(signedIn());
      return "redirect:" + WAYS + "?letter#way-post";
    } catch (Problem refused) {
      return refusedOnWays(refused, model, response);
    }
  }

  @PostMapping(WAYS + "/post/code")
  String enter(@RequestParam(name = "code", required = false) String code, Model model, HttpServletResponse response) {
    try {
      letters.enter(signedIn(), code);
      return "redirect:/";
    } catch (Problem refused) {
      return refusedOnWays(refused, model, response);
    }
  }

  /** The ways page again, with the refusal next to the post way's form. */
  private String refusedOnWays(Problem refused, Model model, HttpServletResponse response) {
    String view = waysPage.show(signedIn(), model);
    response.setStatus(refused.status());
    model.addAttribute("postError", pages.describe(refused));
    return view;
  }

  @GetMapping("/admin/post-letters")
  String admin(Model model) {
    int[] backlog = letters.backlog();
    model.addAttribute("queued", backlog[0]);
    model.addAttribute("printed", backlog[1]);
    return "admin/post-letters";
  }

  /** The queued letters as one PDF, to print and post; they are printed from now on. */
  @PostMapping("/admin/post-letters/batch")
  ResponseEntity<byte[]> batch() {
    PostLetters.Batch batch = letters.printBatch();
    if (batch.letters() == 0) {
      return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/admin/post-letters?none").build();
    }
    String name = "propusk-letters-" + LocalDate.ofInstant(clock.instant(), MOSCOW) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(batch.pdf());
  }

  @PostMapping("/admin/post-letters/sent")
  String sent() {
    return "redirect:/admin/post-letters?sent=" + letters.markSent();
  }

  private static UUID signedIn() {
    return Citizen.current().orElseThrow().accountId();
  }

  /** The post way's block on the ways page, which the account module renders. */
  @Component
  static class WaySection implements ConfirmationWaysSection {

    private final PostLetters letters;

    WaySection(PostLetters letters) {
      this.letters = letters;
    }

    @Override
    public void addTo(UUID accountId, Model model) {
      model.addAttribute("postWay", letters.way(accountId));
    }
  }
}
