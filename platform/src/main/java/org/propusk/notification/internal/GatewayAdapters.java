package org.propusk.notification.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * Chooses the gateway adapters: {@code development} keeps messages only in the development outbox;
 * {@code http} (SMS) and {@code smtp} (e-mail) speak to real servers.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAdapters {

  private static final Logger log = LoggerFactory.getLogger(GatewayAdapters.class);

  @Bean
  @ConditionalOnProperty(name = "propusk.notification.sms.gateway", havingValue = "development")
  SmsGateway developmentSmsGateway() {
    return (phone, text) -> log.info("SMS kept in the development outbox instead of being sent");
  }

  @Bean
  @ConditionalOnProperty(name = "propusk.notification.mail.transport", havingValue = "development")
  MailGateway developmentMailGateway() {
    return (address, subject, body) ->
        log.info("Letter kept in the development outbox instead of being sent");
  }

  @Bean
  @ConditionalOnProperty(name = "propusk.notification.sms.gateway", havingValue = "http")
  SmsGateway httpSmsGateway(
      RestClient.Builder builder,
      @Value("${propusk.notification.sms.http.url}") String url,
      @Value("${propusk.notification.sms.http.token:}") String token,
      @Value("${propusk.notification.sms.http.sender:Propusk}") String sender,
      @Value("${propusk.notification.sms.http.connect-timeout:2s}") Duration connectTimeout,
      @Value("${propusk.notification.sms.http.read-timeout:5s}") Duration readTimeout) {
    RestClient client =
        builder
            .baseUrl(url)
            .requestFactory(
                ClientHttpRequestFactoryBuilder.detect()
                    .build(HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout)))
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .build();
    return new HttpSmsGateway(client, sender);
  }

  @Bean
  @ConditionalOnProperty(name = "propusk.notification.mail.transport", havingValue = "smtp")
  MailGateway smtpMailGateway(
      JavaMailSender sender, @Value("${propusk.notification.mail.from}") String from) {
    return (address, subject, body) -> {
      SimpleMailMessage letter = new SimpleMailMessage();
      letter.setFrom(from);
      letter.setTo(address);
      letter.setSubject(subject);
      letter.setText(body);
      sender.send(letter);
    };
  }

  /**
   * The HTTP SMS contract: {@code POST <url>} with {@code {"from","to","text"}} as JSON and a bearer
   * token; any 2xx means accepted. Anything else, a timeout or an unreachable gateway throws.
   */
  record HttpSmsGateway(RestClient client, String sender) implements SmsGateway {

    record SmsRequest(String from, String to, String text) {}

    @Override
    public void send(String phoneE164, String text) {
      client
          .post()
          .contentType(MediaType.APPLICATION_JSON)
          .body(new SmsRequest(sender, phoneE164, text))
          .retrieve()
          .toBodilessEntity();
    }
  }
}
