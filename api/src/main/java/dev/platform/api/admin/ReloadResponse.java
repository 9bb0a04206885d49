package dev.platform.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The version now serving and the one it replaced (null when none was loaded). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReloadResponse(String version, @Nullable String previous, String location) {}
