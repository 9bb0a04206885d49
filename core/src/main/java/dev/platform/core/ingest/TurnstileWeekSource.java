package dev.platform.core.ingest;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.source.Mirror;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where the weekly MTA files come from: a URL template (the public site by default, or any {@code
 * http(s):}/{@code file:}/path template holding {@value #WEEK_PLACEHOLDER}), or a {@link Mirror}
 * folder. Its {@link #spec()} text is what workflows carry; {@link #parse(String)} reads it back.
 */
public sealed interface TurnstileWeekSource {
  String WEEK_PLACEHOLDER = "{yyMMdd}";

  /** The MTA's public weekly files (published until 2023; plain CSV padded with spaces). */
  String PUBLIC_TEMPLATE =
      "http://web.mta.info/developers/data/nyct/turnstile/turnstile_" + WEEK_PLACEHOLDER + ".txt";

  /** The public remote/booth -> station table (starts with a UTF-8 byte-order mark). */
  String PUBLIC_STATION_REFERENCE =
      "https://raw.githubusercontent.com/ozkary/data-engineering-mta-turnstile/main/"
          + "Step4-Data-Warehouse/dbt/seeds/remote_booth_station.csv";

  DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("yyMMdd");

  /** Where the file of the week ending on {@code saturday} is; empty when there is none. */
  Optional<String> locate(LocalDate saturday);

  /** Where the station reference table is. */
  String stationReference();

  /** The text form: a template or a mirror folder. */
  String spec();

  static TurnstileWeekSource publicSite() {
    return new UrlTemplate(PUBLIC_TEMPLATE);
  }

  /** A template holding {@value #WEEK_PLACEHOLDER}. */
  static TurnstileWeekSource template(String template) {
    return new UrlTemplate(template);
  }

  static TurnstileWeekSource mirror(Path folder) {
    return new MirrorFolder(Mirror.of(folder));
  }

  /**
   * A source from its {@link #spec()}: a template when it holds {@value #WEEK_PLACEHOLDER}, else a
   * mirror folder.
   */
  static TurnstileWeekSource parse(String spec) {
    String text = spec.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("no turnstile source given");
    }
    return text.contains(WEEK_PLACEHOLDER) ? template(text) : mirror(Path.of(text));
  }

  /** {@code PLATFORM_MIRROR} when set, else the public site. */
  static TurnstileWeekSource fromEnvironment(PlatformEnvironment environment) {
    return environment
        .mirror()
        .<TurnstileWeekSource>map(TurnstileWeekSource::mirror)
        .orElseGet(TurnstileWeekSource::publicSite);
  }

  /** Files at a URL (or path) made from a template. */
  record UrlTemplate(String template) implements TurnstileWeekSource {
    public UrlTemplate {
      if (!template.contains(WEEK_PLACEHOLDER)) {
        throw new IllegalArgumentException(
            "a source template must hold " + WEEK_PLACEHOLDER + ": " + template);
      }
    }

    @Override
    public Optional<String> locate(LocalDate saturday) {
      return Optional.of(template.replace(WEEK_PLACEHOLDER, WEEK.format(saturday)));
    }

    @Override
    public String stationReference() {
      return PUBLIC_STATION_REFERENCE;
    }

    @Override
    public String spec() {
      return template;
    }
  }

  /** Files in a local mirror folder; the station table from the public URL when it lacks one. */
  record MirrorFolder(Mirror mirror) implements TurnstileWeekSource {
    @Override
    public Optional<String> locate(LocalDate saturday) {
      return mirror.turnstileWeek(saturday).map(Path::toString);
    }

    @Override
    public String stationReference() {
      return mirror.stationReference().map(Path::toString).orElse(PUBLIC_STATION_REFERENCE);
    }

    @Override
    public String spec() {
      return mirror.root().toString();
    }
  }
}
