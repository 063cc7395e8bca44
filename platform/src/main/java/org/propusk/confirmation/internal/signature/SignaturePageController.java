package org.propusk.confirmation.internal.signature;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of the signature way: the challenge to sign (shown and downloadable), and the signature
 * uploaded as a file or pasted as Base64. A Simplified account is sent to finish its data first, a
 * Confirmed one is told it is done.
 */
@Controller
class SignaturePageController {

  private static final String VIEW = "confirmation/signature";
  private static final String PAGE = "/account/confirmation-ways/signature";

  private final SignatureService signatures;
  private final Accounts accounts;
  private final SignaturePolicy policy;
  private final ProblemPages pages;

  SignaturePageController(SignatureService signatures, Accounts accounts, SignaturePolicy policy, ProblemPages pages) {
    this.signatures = signatures;
    this.accounts = accounts;
    this.policy = policy;
    this.pages = pages;
  }

  @GetMapping(PAGE)
  String page(Model model) {
    show(model);
    return VIEW;
  }

  @PostMapping(PAGE + "/challenge")
  String challenge(Model model, HttpServletResponse response) {
    try {
      signatures.issue(me());
      return "redirect:" + PAGE;
    } catch (Problem problem) {
      show(model);
      return pages.show(problem, model, response, VIEW);
    }
  }

  /** The challenge's exact bytes as a file, for signing software that signs files. */
  @GetMapping(PAGE + "/{id}/challenge.txt")
  ResponseEntity<byte[]> download(@PathVariable UUID id) {
    try {
      return ResponseEntity.ok()
          .contentType(MediaType.TEXT_PLAIN)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename("propusk-challenge.txt").build().toString())
          .body(signatures.text(me(), id).getBytes(StandardCharsets.US_ASCII));
    } catch (SignatureProblems.ChallengeNotFound unknown) {
      return ResponseEntity.notFound().build();
    }
  }

  @PostMapping(PAGE)
  String submit(
      @RequestParam(required = false) UUID challengeId,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String pasted,
      Model model,
      HttpServletResponse response) {
    try {
      signatures.submit(me(), challengeId, signature(file, pasted));
      return "redirect:/?confirmed";
    } catch (Problem problem) {
      show(model);
      return pages.show(problem, model, response, VIEW);
    }
  }

  /** The uploaded file when there is one, else what was pasted; a file too large is not read. */
  private byte[] signature(MultipartFile file, String pasted) {
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > SignatureVerifier.maxInput(policy.maxSize().toBytes())) {
        throw new InvalidInput(SignatureVerifier.FIELD, "too-large");
      }
      try {
        return file.getBytes();
      } catch (IOException unreadable) {
        throw new InvalidInput(SignatureVerifier.FIELD, "unreadable");
      }
    }
    return pasted == null ? null : pasted.getBytes(StandardCharsets.US_ASCII);
  }

  private void show(Model model) {
    UUID me = me();
    model.addAttribute("account", accounts.find(me).orElseThrow());
    model.addAttribute("challenge", signatures.open(me).orElse(null));
    model.addAttribute("maxKilobytes", policy.maxSize().toKilobytes());
  }

  private static UUID me() {
    return Citizen.current().orElseThrow().accountId();
  }
}
