output "resource_group" {
  description = "Resource group of the Function App (deploy-function.sh needs it)."
  value       = azurerm_resource_group.risk.name
}

output "function_app_name" {
  description = "Name of the Function App (deploy-function.sh needs it)."
  value       = azurerm_linux_function_app.risk.name
}

output "predict_url" {
  description = "The risk API's POST /predict on Azure (host.json has an empty route prefix)."
  value       = "https://${azurerm_linux_function_app.risk.default_hostname}/predict"
}
