locals {
  bucket_name = var.lake_bucket_name != "" ? var.lake_bucket_name : "${var.project_id}-${var.name_prefix}-lake"
  lake_uri    = "gs://${local.bucket_name}/${var.lake_prefix}"
  # raw sources: ingested heart files and the weekly MTA files (LakeLayout)
  raw_prefixes = ["${var.lake_prefix}/heart/raw/", "${var.lake_prefix}/turnstile/batch/"]
  roles        = ["kafka", "flink", "temporal", "apps"]
  labels = {
    app = var.name_prefix
  }
}

# ---------------------------------------------------------------- lake

resource "google_storage_bucket" "lake" {
  name                        = local.bucket_name
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false
  labels                      = local.labels

  versioning {
    enabled = true
  }

  # raw sources are read once per load; keep them cheaply after that
  lifecycle_rule {
    condition {
      age            = var.raw_retention_days
      matches_prefix = local.raw_prefixes
      with_state     = "LIVE"
    }
    action {
      type          = "SetStorageClass"
      storage_class = "COLDLINE"
    }
  }

  # overwritten and deleted objects stay recoverable for a while, not forever
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_version_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
}

# ---------------------------------------------------------------- identity

resource "google_service_account" "platform" {
  account_id   = "${var.name_prefix}-vm"
  display_name = "Platform VMs: lake access only"
}

# the only role: object admin on the lake bucket (no project-wide storage roles)
resource "google_storage_bucket_iam_member" "lake_object_admin" {
  bucket = google_storage_bucket.lake.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.platform.email}"
}

# ---------------------------------------------------------------- network

resource "google_compute_network" "platform" {
  name                    = "${var.name_prefix}-net"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "platform" {
  name                     = "${var.name_prefix}-subnet"
  ip_cidr_range            = var.subnet_cidr
  region                   = var.region
  network                  = google_compute_network.platform.id
  private_ip_google_access = true
}

# between the platform's VMs only: Kafka, Temporal gRPC, Flink REST, the API and metrics ports
resource "google_compute_firewall" "internal" {
  name          = "${var.name_prefix}-internal"
  network       = google_compute_network.platform.name
  direction     = "INGRESS"
  source_ranges = [var.subnet_cidr]
  target_tags   = [var.name_prefix]

  allow {
    protocol = "tcp"
    # 19092 Kafka, 7233 Temporal, 8081 Flink REST, 8080 API, 9249/9250 Flink metrics,
    # 9404 Kafka JMX exporter, 9464 worker metrics
    ports = ["19092", "7233", "8081", "8080", "9249", "9250", "9404", "9464"]
  }
}

# people: SSH and the UIs, only from allowed_source_ranges
resource "google_compute_firewall" "operators" {
  name          = "${var.name_prefix}-operators"
  network       = google_compute_network.platform.name
  direction     = "INGRESS"
  source_ranges = var.allowed_source_ranges
  target_tags   = [var.name_prefix]

  allow {
    protocol = "tcp"
    # 22 SSH, 8080 API, 8233 Temporal UI, 8081 Flink UI, 9090 Prometheus
    ports = ["22", "8080", "8233", "8081", "9090"]
  }
}

# SSH through Identity-Aware Proxy only (IAM decides who): the deploy workflow rolls the VMs this way
resource "google_compute_firewall" "iap_ssh" {
  name          = "${var.name_prefix}-iap-ssh"
  network       = google_compute_network.platform.name
  direction     = "INGRESS"
  source_ranges = ["35.235.240.0/20"]
  target_tags   = [var.name_prefix]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# ---------------------------------------------------------------- VMs

resource "google_compute_address" "internal" {
  for_each     = toset(local.roles)
  name         = "${var.name_prefix}-${each.key}-ip"
  subnetwork   = google_compute_subnetwork.platform.id
  address_type = "INTERNAL"
  region       = var.region
}

resource "google_compute_instance" "vm" {
  for_each     = toset(local.roles)
  name         = "${var.name_prefix}-${each.key}"
  machine_type = var.machine_types[each.key]
  zone         = var.zone
  tags         = [var.name_prefix, "${var.name_prefix}-${each.key}"]
  labels       = merge(local.labels, { role = each.key })

  boot_disk {
    initialize_params {
      image = var.vm_image
      size  = var.boot_disk_gb
      type  = "pd-balanced"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.platform.id
    network_ip = google_compute_address.internal[each.key].address
    # an ephemeral public address for pulling images; the firewall decides who may connect
    access_config {}
  }

  service_account {
    email  = google_service_account.platform.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }

  metadata = {
    enable-oslogin = "TRUE"
  }

  metadata_startup_script = templatefile("${path.module}/startup.sh.tftpl", {
    profile     = each.key
    repo_url    = var.repo_url
    repo_ref    = var.repo_ref
    lake_uri    = local.lake_uri
    api_key     = var.platform_api_key
    kafka_ip    = google_compute_address.internal["kafka"].address
    flink_ip    = google_compute_address.internal["flink"].address
    temporal_ip = google_compute_address.internal["temporal"].address
    this_vm_ip  = google_compute_address.internal[each.key].address
  })

  depends_on = [google_storage_bucket_iam_member.lake_object_admin]
}
