package dev.platform.api.admin;

import dev.platform.api.model.ModelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Admin calls, guarded by the {@code X-API-Key} header. */
@Controller("/admin")
public class AdminController {
  private final ModelRegistry registry;
  private final AdminKeyCheck keyCheck;

  public AdminController(ModelRegistry registry, AdminKeyCheck keyCheck) {
    this.registry = registry;
    this.keyCheck = keyCheck;
  }

  /** Loads the model the configuration points at now and swaps it in. */
  @Post("/model/reload")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public ReloadResponse reload(@Nullable @Header(AdminKeyCheck.HEADER) String apiKey) {
    keyCheck.verify(apiKey);
    ModelRegistry.Swap swap = registry.reload();
    return new ReloadResponse(
        swap.loaded().versionId(),
        swap.previous() == null ? null : swap.previous().versionId(),
        swap.loaded().location().toString());
  }
}
