#!/usr/bin/env bash
# Creates the platform's topics once the broker answers; safe to run again (--if-not-exists).
set -euo pipefail
unset KAFKA_OPTS # the JMX exporter agent in the image is for the broker alone
bootstrap="${1:-kafka:19092}"
topics=/opt/kafka/bin/kafka-topics.sh
for _ in $(seq 1 60); do
  if "$topics" --bootstrap-server "$bootstrap" --list >/dev/null 2>&1; then break; fi
  echo "create-topics: waiting for $bootstrap"
  sleep 2
done
"$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic mta-turnstile --partitions 3 --replication-factor 1
"$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic mta-turnstile-dlq --partitions 1 --replication-factor 1
"$topics" --bootstrap-server "$bootstrap" --list
