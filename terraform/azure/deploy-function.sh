#!/usr/bin/env bash
# Zip-deploys the risk API's Function App package, as the build lays it out, with a model bundle,
# to the Function App that terraform/azure created.
#
#   terraform/azure/deploy-function.sh --model DIR [--resource-group RG --app NAME] [--no-build]
#
# DIR: a model bundle (e.g. $PLATFORM_HOME/lake/heart/models/<version>) or a training run folder
# holding model/; it is shipped as model/ in the package, which PLATFORM_MODEL_DIR points at.
# RG and NAME default to this folder's terraform outputs. Needs the Azure CLI (az login) and zip.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
package="$root/azure-function/target/azure-functions/heart-risk"

model="" resource_group="" app="" build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --resource-group) resource_group="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$model" ] || [ ! -d "$model" ]; then
  echo "error: --model must name a model bundle folder (got '${model}')" >&2
  exit 2
fi
for tool in az zip; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done

if [ "$build" = 1 ]; then
  (cd "$root" && ./mvnw -B -q -pl azure-function -am package -DskipTests -Dspotless.check.skip=true)
fi
if [ ! -f "$package/host.json" ]; then
  echo "error: no function package at $package; build it: ./mvnw -pl azure-function -am package -DskipTests" >&2
  exit 1
fi

if [ -z "$resource_group" ]; then
  resource_group="$(terraform -chdir="$root/terraform/azure" output -raw resource_group)"
fi
if [ -z "$app" ]; then
  app="$(terraform -chdir="$root/terraform/azure" output -raw function_app_name)"
fi

staging="$(mktemp -d)"
mkdir -p "$staging/app"
trap 'rm -rf "$staging"' EXIT
cp -R "$package/." "$staging/app/"
mkdir -p "$staging/app/model"
cp -R "$model/." "$staging/app/model/"
(cd "$staging/app" && zip -qr "$staging/heart-risk.zip" .)

echo "deploying $(du -h "$staging/heart-risk.zip" | cut -f1) to $app in $resource_group"
az functionapp deployment source config-zip \
  --resource-group "$resource_group" --name "$app" --src "$staging/heart-risk.zip"
echo "deployed: https://$(az functionapp show --resource-group "$resource_group" --name "$app" --query defaultHostName -o tsv)/predict"
