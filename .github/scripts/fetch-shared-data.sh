#!/usr/bin/env bash
# Lays out the development data the tests read (../shared/data beside the checkout) from the
# public sources named in SOURCES.md, verifying each download's SHA-256. The public heart file
# stands in for the 90% development subset (same columns and format; tests assert no row counts).
#   .github/scripts/fetch-shared-data.sh DIR
set -euo pipefail
dir="${1:?usage: fetch-shared-data.sh DIR}"
mkdir -p "$dir/heart" "$dir/mta"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fetch() { # url sha256 destination
  curl -fsSL --retry 3 -o "$3" "$1"
  echo "$2  $3" | sha256sum -c --quiet -
}

heart_zip=https://raw.githubusercontent.com/vbss246/Heart-Disease-Prediction/main/heart_2020_cleaned.csv.zip
fetch "$heart_zip" 7cea60b8df69c4bf0b27e0556ad27cb6a23e69069d63a46e1be9b4d8dcb98712 "$tmp/heart.zip"
unzip -p "$tmp/heart.zip" heart_2020_cleaned.csv | gzip -c > "$dir/heart/heart_2020_cleaned.dev.csv.gz"

mta=https://raw.githubusercontent.com/ozkary/data-engineering-mta-turnstile/main
while read -r week sha; do
  fetch "$mta/data/$week.csv.gz" "$sha" "$dir/mta/$week.csv.gz"
done <<'WEEKS'
240106 a10116442d6905a7a3457616578bfdcd91eccd6768ac56fcd87d510be2703f23
240113 8046955860ace2611f7aac2b9873e404d6bee4120c266443bd2777b6d8f747ff
240120 5624d4b17bb6d2382c539a3d5b4dee24a62f8d9c06045ba33d20f30202bc99a8
240127 6878d709c759308a6654338813d4e2a8b10ee5f1b5816e88a5fba8d6afb630ed
240203 6f0d7dc20f55a799a49aca5d606977f266cf5af1b5791b713e5aca36c938bf14
240210 890b089fafba582a55cf072c940bd56f692ce0a3d9c6bd0359dca5a2af79863a
WEEKS
fetch "$mta/Step4-Data-Warehouse/dbt/seeds/remote_booth_station.csv" \
  82422367d51625027a15c471c69a145a466ca3c86951a50faa3691504c85d521 "$dir/mta/remote_booth_station.csv"
ls -la "$dir/heart" "$dir/mta"
