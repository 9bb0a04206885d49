package dev.platform.api.traffic;

import dev.platform.api.errors.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.Optional;

/** The turnstile traffic dashboard: the latest snapshot's figures and charts, from the lake. */
@Controller("/traffic")
@ExecuteOn(TaskExecutors.BLOCKING) // lake reads may go over the network (gs://)
public class TrafficController {
  private final TrafficSnapshot snapshot;

  public TrafficController(TrafficSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Get(value = "/dashboard.json", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "The latest traffic dashboard snapshot written by a warehouse load")
  @ApiResponse(responseCode = "200", description = "the snapshot as the load wrote it")
  @ApiResponse(responseCode = "404", description = "no warehouse load wrote a snapshot yet")
  public HttpResponse<byte[]> dashboard() throws IOException {
    Optional<byte[]> json = snapshot.json();
    if (json.isEmpty()) {
      String message =
          "no traffic dashboard yet: a warehouse load writes it (platform warehouse load); "
              + snapshot.location()
              + " does not exist";
      throw new ApiException(HttpStatus.NOT_FOUND, message);
    }
    return HttpResponse.ok(json.get()).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(value = "/charts/{name}.png", produces = "image/png")
  @Operation(summary = "A chart that the latest snapshot lists")
  @ApiResponse(responseCode = "200", description = "the PNG")
  @ApiResponse(responseCode = "404", description = "not a chart of the latest snapshot")
  public HttpResponse<byte[]> chart(@PathVariable String name) throws IOException {
    Optional<byte[]> png = snapshot.chart(name + ".png");
    if (png.isEmpty()) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "no chart " + name + ".png in the latest traffic dashboard");
    }
    return HttpResponse.ok(png.get()).contentType(MediaType.IMAGE_PNG_TYPE);
  }
}
