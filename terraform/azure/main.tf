locals {
  # storage account names: 3-24 lower-case letters and digits, globally unique
  storage_account_name = "${var.name_prefix}${random_string.suffix.result}"
  function_app_name    = "${var.name_prefix}-${random_string.suffix.result}"
}

resource "random_string" "suffix" {
  length  = 8
  upper   = false
  special = false
}

resource "azurerm_resource_group" "risk" {
  name     = "${var.name_prefix}-rg"
  location = var.location
  tags     = var.tags
}

resource "azurerm_storage_account" "functions" {
  name                            = local.storage_account_name
  resource_group_name             = azurerm_resource_group.risk.name
  location                        = azurerm_resource_group.risk.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

# consumption plan: billed per execution, scales to zero
resource "azurerm_service_plan" "consumption" {
  name                = "${var.name_prefix}-plan"
  resource_group_name = azurerm_resource_group.risk.name
  location            = azurerm_resource_group.risk.location
  os_type             = "Linux"
  sku_name            = "Y1"
  tags                = var.tags
}

resource "azurerm_application_insights" "risk" {
  name                = "${var.name_prefix}-insights"
  resource_group_name = azurerm_resource_group.risk.name
  location            = azurerm_resource_group.risk.location
  application_type    = "java"
  tags                = var.tags
}

resource "azurerm_linux_function_app" "risk" {
  name                       = local.function_app_name
  resource_group_name        = azurerm_resource_group.risk.name
  location                   = azurerm_resource_group.risk.location
  service_plan_id            = azurerm_service_plan.consumption.id
  storage_account_name       = azurerm_storage_account.functions.name
  storage_account_access_key = azurerm_storage_account.functions.primary_access_key
  https_only                 = true
  tags                       = var.tags

  site_config {
    application_insights_connection_string = azurerm_application_insights.risk.connection_string
    application_stack {
      java_version = "17"
    }
  }

  app_settings = {
    FUNCTIONS_WORKER_RUNTIME = "java"
    # the risk API's settings, under the names application.yml reads
    PLATFORM_MODEL_DIR = var.model_dir
    API_MAX_RECORDS    = tostring(var.max_records)
  }

  lifecycle {
    # zip deploys (deploy-function.sh) set these; terraform leaves them alone
    ignore_changes = [app_settings["WEBSITE_RUN_FROM_PACKAGE"]]
  }
}
