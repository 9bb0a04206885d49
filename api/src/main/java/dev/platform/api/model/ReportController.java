package dev.platform.api.model;

import dev.platform.ml.bundle.ModelBundle;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The serving bundle's training charts, for the report page. */
@Controller("/model/charts")
public class ReportController {
  private final ModelRegistry registry;

  public ReportController(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Only the charts a bundle is known to carry: no path from the request reaches the disk. */
  @Get(value = "/{name}", produces = "image/png")
  public HttpResponse<byte[]> chart(@PathVariable String name) throws IOException {
    String file = "charts/" + name;
    if (!ModelBundle.REPORT_FILES.contains(file)) {
      return HttpResponse.notFound();
    }
    Path bundle = ModelBundle.locate(registry.require().location());
    Path chart = bundle.resolve(file);
    if (!Files.isRegularFile(chart)) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(Files.readAllBytes(chart)).contentType(MediaType.IMAGE_PNG_TYPE);
  }
}
