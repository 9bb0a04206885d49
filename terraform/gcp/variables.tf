variable "project_id" {
  type        = string
  description = "GCP project that holds the platform."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a GCP project id: 6-30 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region of the bucket, the subnet and the VMs."
  default     = "us-central1"
  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must look like us-central1."
  }
}

variable "zone" {
  type        = string
  description = "Zone of the VMs; must be in the region."
  default     = "us-central1-a"
  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]-[a-z]$", var.zone))
    error_message = "zone must look like us-central1-a."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every resource name (bucket, VMs, network, service account)."
  default     = "platform"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}$", var.name_prefix))
    error_message = "name_prefix must be 2-19 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "lake_bucket_name" {
  type        = string
  description = "Name of the lake bucket; empty: <project_id>-<name_prefix>-lake."
  default     = ""
  validation {
    condition     = var.lake_bucket_name == "" || can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.lake_bucket_name))
    error_message = "lake_bucket_name must be a valid bucket name (3-63 lower-case letters, digits, dots, hyphens, underscores)."
  }
}

variable "lake_prefix" {
  type        = string
  description = "Folder inside the bucket that holds the lake (PLATFORM_LAKE=gs://<bucket>/<prefix>)."
  default     = "lake"
  validation {
    condition     = can(regex("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$", var.lake_prefix))
    error_message = "lake_prefix must be a relative path without leading or trailing slashes."
  }
}

variable "raw_retention_days" {
  type        = number
  description = "Days after which raw source files (<prefix>/*/raw/) move to Coldline storage; their loaded copies stay in the warehouse."
  default     = 30
  validation {
    condition     = var.raw_retention_days >= 1 && var.raw_retention_days <= 3650
    error_message = "raw_retention_days must be between 1 and 3650."
  }
}

variable "noncurrent_version_days" {
  type        = number
  description = "Days to keep overwritten or deleted object versions (the bucket is versioned)."
  default     = 30
  validation {
    condition     = var.noncurrent_version_days >= 1
    error_message = "noncurrent_version_days must be at least 1."
  }
}

variable "subnet_cidr" {
  type        = string
  description = "Address range of the platform's subnet; the VMs talk to each other inside it."
  default     = "10.20.0.0/24"
  validation {
    condition     = can(cidrhost(var.subnet_cidr, 0))
    error_message = "subnet_cidr must be a CIDR range such as 10.20.0.0/24."
  }
}

variable "allowed_source_ranges" {
  type        = list(string)
  description = "Who may reach SSH and the UIs (API 8080, Temporal UI 8233, Flink UI 8081, Prometheus 9090). The default is Google's IAP range: connect with `gcloud compute ssh --tunnel-through-iap` port forwarding. Use your office or VPN range for direct access."
  default     = ["35.235.240.0/20"]
  validation {
    condition     = length(var.allowed_source_ranges) > 0 && alltrue([for range in var.allowed_source_ranges : can(cidrhost(range, 0))])
    error_message = "allowed_source_ranges must be a non-empty list of CIDR ranges."
  }
  validation {
    condition     = var.allow_public_access || !contains(var.allowed_source_ranges, "0.0.0.0/0")
    error_message = "0.0.0.0/0 opens the platform to the whole internet; set allow_public_access = true if you really mean it."
  }
}

variable "allow_public_access" {
  type        = bool
  description = "Allow 0.0.0.0/0 in allowed_source_ranges (the UIs and SSH open to the internet). Off by default."
  default     = false
}

variable "machine_types" {
  type = object({
    kafka    = string
    flink    = string
    temporal = string
    apps     = string
  })
  description = "Machine type of each VM: kafka (broker), flink (JobManager + TaskManager + job), temporal (server, UI, PostgreSQL), apps (API, worker, Prometheus)."
  default = {
    kafka    = "e2-standard-2"
    flink    = "e2-standard-4"
    temporal = "e2-standard-2"
    apps     = "e2-standard-4"
  }
  validation {
    condition     = alltrue([for type in values(var.machine_types) : can(regex("^[a-z0-9]+-[a-z0-9]+(-[0-9]+)?$", type))])
    error_message = "machine_types values must be GCE machine types such as e2-standard-4."
  }
}

variable "boot_disk_gb" {
  type        = number
  description = "Boot disk size of each VM in GB (Docker images, Kafka log, PostgreSQL, the DuckDB file)."
  default     = 50
  validation {
    condition     = var.boot_disk_gb >= 20 && var.boot_disk_gb <= 2000
    error_message = "boot_disk_gb must be between 20 and 2000."
  }
}

variable "vm_image" {
  type        = string
  description = "Boot image of the VMs; the startup script installs Docker on it."
  default     = "debian-cloud/debian-12"
}

variable "repo_url" {
  type        = string
  description = "Git URL of this repository; each VM clones it and runs its docker compose profile."
  validation {
    condition     = can(regex("^(https://|git@)", var.repo_url))
    error_message = "repo_url must be an https:// or git@ URL."
  }
}

variable "repo_ref" {
  type        = string
  description = "Branch or tag the VMs check out (a release tag in production)."
  default     = "main"
}

variable "platform_api_key" {
  type        = string
  description = "Admin key of the risk API (PLATFORM_API_KEY); the worker uses it to make the API reload a promoted model."
  sensitive   = true
  validation {
    condition     = length(var.platform_api_key) >= 16
    error_message = "platform_api_key must be at least 16 characters."
  }
}
