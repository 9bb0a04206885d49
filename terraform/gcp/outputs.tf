output "lake_uri" {
  description = "PLATFORM_LAKE for every component."
  value       = local.lake_uri
}

output "lake_bucket" {
  description = "The lake bucket."
  value       = google_storage_bucket.lake.name
}

output "service_account_email" {
  description = "The VMs' service account (object admin on the lake bucket only)."
  value       = google_service_account.platform.email
}

output "internal_addresses" {
  description = "Each VM's address inside the subnet."
  value       = { for role, address in google_compute_address.internal : role => address.address }
}

output "public_addresses" {
  description = "Each VM's public address (reachable only from allowed_source_ranges)."
  value       = { for role, vm in google_compute_instance.vm : role => vm.network_interface[0].access_config[0].nat_ip }
}

output "urls" {
  description = "Where the platform answers (from allowed_source_ranges, or through an IAP tunnel)."
  value = {
    api         = "http://${google_compute_instance.vm["apps"].network_interface[0].access_config[0].nat_ip}:8080"
    prometheus  = "http://${google_compute_instance.vm["apps"].network_interface[0].access_config[0].nat_ip}:9090"
    temporal_ui = "http://${google_compute_instance.vm["temporal"].network_interface[0].access_config[0].nat_ip}:8233"
    flink_ui    = "http://${google_compute_instance.vm["flink"].network_interface[0].access_config[0].nat_ip}:8081"
  }
}

output "temporal_address" {
  description = "TEMPORAL_ADDRESS for clients inside the subnet (e.g. ./platform on the apps VM)."
  value       = "${google_compute_address.internal["temporal"].address}:7233"
}

output "kafka_bootstrap_servers" {
  description = "KAFKA_BOOTSTRAP_SERVERS for clients inside the subnet."
  value       = "${google_compute_address.internal["kafka"].address}:19092"
}
