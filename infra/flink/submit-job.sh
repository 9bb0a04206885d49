#!/usr/bin/env bash
# Submits the turnstile aggregation job (the shaded jar flink-jobs builds; its manifest names the
# main class) to the JobManager unless it already runs, so starting the stack twice never runs the
# job twice. The job reads its settings (KAFKA_BOOTSTRAP_SERVERS, KAFKA_* security and topics,
# PLATFORM_LAKE, STREAM_CHECKPOINT_DIR) from this container's environment when its main() builds
# it; arguments given to this script are passed to the job.
set -euo pipefail
jobmanager="${FLINK_JOBMANAGER:-jobmanager:8081}"
jar=/opt/flink/usrlib/turnstile-aggregation-job.jar

for _ in $(seq 1 60); do
  if /opt/flink/bin/flink list -m "$jobmanager" >/dev/null 2>&1; then break; fi
  echo "submit-job: waiting for the JobManager at $jobmanager"
  sleep 2
done

if /opt/flink/bin/flink list -r -m "$jobmanager" 2>/dev/null | grep -qi 'turnstile'; then
  echo "submit-job: the turnstile job already runs on $jobmanager"
  exit 0
fi
exec /opt/flink/bin/flink run -m "$jobmanager" --detached "$jar" "$@"
