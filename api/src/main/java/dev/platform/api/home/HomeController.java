package dev.platform.api.home;

import dev.platform.api.config.ApiConfig;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The service's banner, as the original Flask app answered on {@code /}. */
@Controller
public class HomeController {
  private final String banner;

  public HomeController(ApiConfig config) {
    this.banner = "Heart Disease Risk Prediction API " + config.version();
  }

  @Get(produces = MediaType.TEXT_PLAIN)
  public String banner() {
    return banner;
  }
}
