package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.propusk.account.AccountLevel;
import org.propusk.authentication.SignIn;
import org.propusk.authentication.SignInFailed;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Messages;
import org.propusk.shared.Overloaded;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.TooManyAttempts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in pages: login and password, the second factor, and the page that says which level a
 * service asked for. {@code /login?return=/path&level=standard&max_age=300} carries where the
 * citizen was going, the level asked for and the maximum age of the sign-in through the flow;
 * {@code login_hint} (from a relying party) pre-fills the login field and nothing more.
 */
@Controller
class SignInPageController {

  private static final String VIEW = "authentication/sign-in";
  private static final String SECOND_FACTOR_VIEW = "authentication/second-factor";
  /** The OpenID Connect provider's authorization endpoint, a return address that checks the level itself. */
  private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize?";

  private final SignInService signIns;
  private final SignIn signIn;
  private final Messages messages;
  private final ProblemPages problems;
  private final Clock clock;
  private final FormActionPolicy policy;
  /** Where Spring Security's entry point left the page that needed a sign-in. */
  private final RequestCache savedRequests = new HttpSessionRequestCache();

  SignInPageController(
      SignInService signIns, SignIn signIn, Messages messages, ProblemPages problems, Clock clock, FormActionPolicy policy) {
    this.signIns = signIns;
    this.signIn = signIn;
    this.messages = messages;
    this.problems = problems;
    this.clock = clock;
    this.policy = policy;
  }

  /** The form's fields; the password is never sent back to the page. */
  record SignInForm(String login, String password) {}

  @GetMapping("/login")
  String page(
      @ModelAttribute("form") SignInForm form,
      @RequestParam(name = "return", required = false) String returnTo,
      @RequestParam(name = "level", required = false) String level,
      @RequestParam(name = "max_age", required = false) String maxAge,
      @RequestParam(name = "login_hint", required = false) String loginHint,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    SignInFlow.Request wanted =
        SignInFlow.Request.lenient(returnTo != null ? returnTo : saved(request, response).orElse(null), level, maxAge);
    // a service's hint only fills the field in; the citizen may type another login
    hint(loginHint).filter(hint -> form.login() == null).ifPresent(hint -> model.addAttribute("form", new SignInForm(hint, null)));
    Optional<Citizen> citizen = Citizen.current();
    // signed in recently enough for whoever asked: no new sign-in
    if (citizen.isPresent()
        && wanted.maxAge() != null
        && !citizen.get().authenticatedAt().isBefore(clock.instant().minus(wanted.maxAge()))) {
      return redirect(wanted, AccountLevel.valueOf(citizen.get().level()));
    }
    policy.forFormsReturningTo(wanted.returnTo(), response);
    model.addAttribute("wanted", wanted);
    return VIEW;
  }

  @PostMapping("/login")
  String signIn(
      @ModelAttribute("form") SignInForm form,
      @RequestParam(name = "return", required = false) String returnTo,
      @RequestParam(name = "level", required = false) String level,
      @RequestParam(name = "max_age", required = false) String maxAge,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    SignInFlow.Request wanted = SignInFlow.Request.lenient(returnTo, level, maxAge);
    try {
      return switch (signIns.signIn(form.login(), form.password(), wanted, request, response)) {
        case SignInService.Outcome.Done done -> done(done, request, response);
        case SignInService.Outcome.SecondFactorNeeded next -> "redirect:/login/second-factor";
      };
    } catch (SignInFailed failed) {
      response.setStatus(failed.status());
      model.addAttribute("error", messages.title(failed));
    } catch (TooManyAttempts throttled) {
      response.setStatus(throttled.status());
      model.addAttribute("error", messages.title(throttled));
      model.addAttribute("retryAt", throttled.until());
    } catch (Overloaded busy) {
      // the form again, with the login and where the citizen was going, to send once more shortly
      problems.show(busy, model, response, VIEW);
    }
    policy.forFormsReturningTo(wanted.returnTo(), response);
    model.addAttribute("form", new SignInForm(form.login(), null));
    model.addAttribute("wanted", wanted);
    return VIEW;
  }

  @GetMapping("/login/second-factor")
  String secondFactorPage(
      @RequestParam(name = "method", required = false) String method,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      return showSecondFactor(signIns.waiting(request, null), method, model, response);
    } catch (SignInProblems.FlowNotFound gone) {
      return startAgain(gone, redirect);
    }
  }

  @PostMapping("/login/second-factor")
  String secondFactor(
      @RequestParam(name = "method", required = false) String method,
      @RequestParam(name = "code", required = false) String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    SignInFlow flow;
    try {
      flow = signIns.waiting(request, null);
    } catch (SignInProblems.FlowNotFound gone) {
      return startAgain(gone, redirect);
    }
    try {
      SignInService.Outcome.Done done =
          signIns.secondFactor(request, response, flow.id(), SessionApiController.method(method), code);
      return done(done, request, response);
    } catch (SignInProblems.WrongCode wrong) {
      if (wrong.attemptsLeft() <= 0) {
        redirect.addFlashAttribute("error", messages.get("signin.secondFactor.over"));
        return "redirect:/login";
      }
      model.addAttribute("attemptsLeft", wrong.attemptsLeft());
      problems.show(wrong, model, response, SECOND_FACTOR_VIEW);
    } catch (SignInProblems.FlowNotFound gone) {
      return startAgain(gone, redirect);
    } catch (InvalidInput | TooManyAttempts problem) {
      problems.show(problem, model, response, SECOND_FACTOR_VIEW);
    }
    return showSecondFactor(flow, method, model, response);
  }

  @PostMapping("/login/second-factor/sms")
  String sendSms(HttpServletRequest request, RedirectAttributes redirect) {
    try {
      signIns.sendSmsCode(request, null, LocaleContextHolder.getLocale());
      redirect.addFlashAttribute("notice", messages.get("signin.secondFactor.sms.sent"));
    } catch (SignInProblems.FlowNotFound gone) {
      return startAgain(gone, redirect);
    } catch (Problem problem) {
      redirect.addFlashAttribute("error", problems.describe(problem));
      if (problem instanceof TooManyAttempts limited) {
        redirect.addFlashAttribute("retryAt", limited.until());
      }
    }
    return "redirect:/login/second-factor?method=sms";
  }

  /** Signed in, but the service asked for a higher level: which one, and how to get it. */
  @GetMapping("/login/level")
  String levelRequired(
      @RequestParam(name = "level", required = false) String level,
      @RequestParam(name = "return", required = false) String returnTo,
      Model model) {
    SignInFlow.Request wanted = SignInFlow.Request.lenient(returnTo, level, null);
    model.addAttribute("required", wanted.minLevel() == null ? AccountLevel.STANDARD : wanted.minLevel());
    model.addAttribute("current", Citizen.current().map(c -> AccountLevel.valueOf(c.level())).orElse(null));
    model.addAttribute("returnTo", wanted.returnTo());
    return "authentication/level-required";
  }

  @PostMapping("/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return "redirect:/";
  }

  private String showSecondFactor(SignInFlow flow, String method, Model model, HttpServletResponse response) {
    Set<AuthenticationMethod> methods = flow.methods();
    AuthenticationMethod chosen =
        methods.stream()
            .filter(m -> SessionApiController.apiName(m).equals(method))
            .findFirst()
            .orElseGet(() -> List.of(AuthenticationMethod.TOTP, AuthenticationMethod.SMS, AuthenticationMethod.RECOVERY_CODE)
                .stream()
                .filter(methods::contains)
                .findFirst()
                .orElseThrow());
    model.addAttribute("methods", methods.stream().map(SessionApiController::apiName).toList());
    model.addAttribute("method", SessionApiController.apiName(chosen));
    model.addAttribute("smsResendAt", flow.smsResendAt());
    model.addAttribute("expiresAt", flow.expiresAt());
    policy.forFormsReturningTo(flow.request().returnTo(), response);
    return SECOND_FACTOR_VIEW;
  }

  private String startAgain(SignInProblems.FlowNotFound gone, RedirectAttributes redirect) {
    redirect.addFlashAttribute("error", problems.describe(gone));
    return "redirect:/login";
  }

  private String done(SignInService.Outcome.Done done, HttpServletRequest request, HttpServletResponse response) {
    savedRequests.removeRequest(request, response);
    return redirect(
        new SignInFlow.Request(done.returnTo(), done.requiredLevel(), null), done.level());
  }

  /**
   * To where the citizen was going, or to the page about the level when theirs is too low; but the
   * authorization endpoint explains the level itself, with a way back to the service that asked.
   */
  private static String redirect(SignInFlow.Request wanted, AccountLevel level) {
    boolean explainedThere = wanted.returnTo() != null && wanted.returnTo().startsWith(AUTHORIZATION_ENDPOINT);
    if (wanted.minLevel() != null && level.compareTo(wanted.minLevel()) < 0 && !explainedThere) {
      return "redirect:/login/level?level=" + wanted.minLevel().apiName()
          + (wanted.returnTo() == null ? "" : "&return=" + URLEncoder.encode(wanted.returnTo(), StandardCharsets.UTF_8));
    }
    return "redirect:" + wanted.target();
  }

  /** A login hint fit to show in the field: short, without control characters. */
  private static Optional<String> hint(String loginHint) {
    if (loginHint == null || loginHint.isBlank() || loginHint.length() > 320 || loginHint.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(loginHint.strip());
  }

  /** The page the entry point saved before sending the citizen here, as a path of this site. */
  private Optional<String> saved(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = savedRequests.getRequest(request, response);
    if (saved instanceof DefaultSavedRequest page && "GET".equals(page.getMethod())) {
      String path = page.getRequestURI() + (page.getQueryString() == null ? "" : "?" + page.getQueryString());
      return ReturnAddress.of(path);
    }
    return Optional.empty();
  }
}
