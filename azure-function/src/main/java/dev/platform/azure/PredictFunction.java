package dev.platform.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.micronaut.azure.function.http.AzureHttpFunction;
import java.util.Optional;

/**
 * {@code POST /predict} as an Azure Function: the request goes through the same Micronaut
 * controller, validation and predictor as the HTTP service, so the contract is the same. The model
 * comes from {@code PLATFORM_MODEL_DIR} (an app setting) like the service's.
 */
public class PredictFunction extends AzureHttpFunction {
  @FunctionName("predict")
  public HttpResponseMessage invoke(
      @HttpTrigger(
              name = "request",
              methods = {HttpMethod.POST},
              route = "predict",
              authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<String>> request,
      ExecutionContext context) {
    return super.route(request, context);
  }
}
