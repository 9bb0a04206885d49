variable "subscription_id" {
  type        = string
  description = "Azure subscription that holds the Function App."
  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "location" {
  type        = string
  description = "Azure region of every resource, e.g. westeurope."
  default     = "westeurope"
  validation {
    condition     = can(regex("^[a-z0-9]+$", var.location))
    error_message = "location must be an Azure region name such as westeurope."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of resource names; the storage account name is derived from it (letters and digits only)."
  default     = "heartrisk"
  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lower-case letters or digits, starting with a letter."
  }
}

variable "model_dir" {
  type        = string
  description = "PLATFORM_MODEL_DIR app setting: the model bundle folder inside the deployed package (the deploy script copies a bundle to model/)."
  default     = "/home/site/wwwroot/model"
  validation {
    condition     = startswith(var.model_dir, "/")
    error_message = "model_dir must be an absolute path."
  }
}

variable "max_records" {
  type        = number
  description = "API_MAX_RECORDS app setting: most records in one /predict call."
  default     = 10000
  validation {
    condition     = var.max_records >= 1 && var.max_records <= 100000
    error_message = "max_records must be between 1 and 100000."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags put on every resource."
  default = {
    app = "heart-risk"
  }
}
