package org.propusk.shared;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: Russian by default, English on request. Pages switch with {@code ?lang=en} (kept in a
 * cookie); API clients may also send {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver =
        new CookieLocaleResolver("lang") {
          @Override
          protected Locale parseLocaleValue(String value) {
            return spoken(super.parseLocaleValue(value));
          }
        };
    resolver.setCookieMaxAge(Duration.ofDays(365));
    // a cookie that names no language we can read means the default, not a failed request
    resolver.setRejectInvalidCookies(false);
    resolver.setDefaultLocaleFunction(
        request -> {
          if (request.getRequestURI().startsWith("/api/")
              && request.getHeader("Accept-Language") != null) {
            try {
              Locale match =
                  Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")), SUPPORTED);
              if (match != null) {
                return match;
              }
            } catch (IllegalArgumentException malformed) {
              // an unreadable header gets the default language
            }
          }
          return RUSSIAN;
        });
    return resolver;
  }

  /**
   * A cookie or {@code ?lang=} naming a language we do not speak counts as none (the default), so
   * that pages never announce a language ({@code html lang}) they are not in.
   */
  private static Locale spoken(Locale locale) {
    return locale != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage())) ? locale : null;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor =
        new LocaleChangeInterceptor() {
          @Override
          protected Locale parseLocaleValue(String value) {
            return spoken(super.parseLocaleValue(value));
          }
        };
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
