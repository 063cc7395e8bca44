package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.propusk.authentication.SignIn;
import org.propusk.authentication.SignInFailed;
import org.propusk.shared.Messages;
import org.propusk.shared.TooManyAttempts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in page. */
@Controller
class SignInPageController {

  private final SignIn signIn;
  private final Messages messages;

  SignInPageController(SignIn signIn, Messages messages) {
    this.signIn = signIn;
    this.messages = messages;
  }

  /** The form's fields; the password is never sent back to the page. */
  record SignInForm(String login, String password) {}

  @GetMapping("/login")
  String page(@ModelAttribute("form") SignInForm form) {
    return "authentication/sign-in";
  }

  @PostMapping("/login")
  String signIn(
      @ModelAttribute("form") SignInForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      signIn.signIn(form.login(), form.password(), request, response);
      return "redirect:/";
    } catch (SignInFailed failed) {
      response.setStatus(failed.status());
      model.addAttribute("error", messages.title(failed));
    } catch (TooManyAttempts throttled) {
      response.setStatus(throttled.status());
      model.addAttribute("error", messages.title(throttled));
      model.addAttribute("retryAt", throttled.until());
    }
    model.addAttribute("form", new SignInForm(form.login(), null));
    return "authentication/sign-in";
  }

  @PostMapping("/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return "redirect:/";
  }
}
