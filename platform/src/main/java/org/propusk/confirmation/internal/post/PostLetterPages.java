package org.propusk.confirmation.internal.post;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The post way on the pages: its block on the ways page (asking for a letter, its state, the code
 * field), and the administrators' page that downloads the day's batch and marks it sent.
 */
@Controller
class PostLetterPages {

  static final String WAYS = "/account/confirmation-ways";
  private static final String WAYS_TEMPLATE = "account/confirmation-ways";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final PostLetters letters;
  private final Accounts accounts;
  private final ProblemPages pages;
  private final Clock clock;

  PostLetterPages(PostLetters letters, Accounts accounts, ProblemPages pages, Clock clock) {
    this.letters = letters;
    this.accounts = accounts;
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
    UUID accountId = signedIn();
    model.addAttribute("account", accounts.find(accountId).orElseThrow());
    model.addAttribute("postWay", letters.way(accountId));
    response.setStatus(refused.status());
    model.addAttribute("postError", pages.describe(refused));
    return WAYS_TEMPLATE;
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

  /** Puts the post way's state into the ways page, which the account module renders. */
  @Configuration(proxyBeanMethods = false)
  static class WaysPage implements WebMvcConfigurer {

    private final PostLetters letters;

    WaysPage(PostLetters letters) {
      this.letters = letters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry
          .addInterceptor(
              new HandlerInterceptor() {
                @Override
                public void postHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                  if (view != null && "GET".equals(request.getMethod()) && WAYS_TEMPLATE.equals(view.getViewName())) {
                    Citizen.current().ifPresent(c -> view.addObject("postWay", letters.way(c.accountId())));
                  }
                }
              })
          .addPathPatterns(WAYS);
    }
  }
}
