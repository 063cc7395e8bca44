package org.propusk.operator.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lists the registered service centres on the page of the ways to confirm one's identity ({@code
 * /account/confirmation-ways}, the account module's): added to that page's model here, so that the
 * account module does not depend on this one (which depends on it).
 */
@Configuration(proxyBeanMethods = false)
class CentresOnConfirmationWays implements WebMvcConfigurer {

  static final String PAGE = "/account/confirmation-ways";

  private final CentreService centres;

  CentresOnConfirmationWays(CentreService centres) {
    this.centres = centres;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public void postHandle(
                  HttpServletRequest request,
                  HttpServletResponse response,
                  Object handler,
                  @Nullable ModelAndView view) {
                if (view != null) {
                  view.addObject("serviceCentres", centres.centres());
                }
              }
            })
        .addPathPatterns(PAGE);
  }
}
