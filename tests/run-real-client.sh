#!/usr/bin/env bash
# Starts the hub on a free loopback port with the given driver, runs the real-client test (npm @stacks/storage +
# @stacks/auth) against it, and for the self-hosted server then checks what the hub exposed meanwhile: its
# Prometheus /metrics text (Gaia__Telemetry__Prometheus=true) passes `promtool check metrics` (Debian's prometheus
# package; tests/run-all.sh installs it) and shows the request, byte and token-cache metrics; and its log (every
# category at Debug) has one line per request and none of the bearer tokens and private keys the client used (nor,
# on azure, the storage account key).
# Usage: tests/run-real-client.sh disk|azure|s3|functions
#   azure      the self-hosted server on its own in-memory Azurite from node_modules
#   s3         the self-hosted server on its own in-memory moto S3 server (start_moto in tests/local-services.sh)
#   functions  the Functions app in its real worker under tests/run-functions-host.sh, on its own Azurite
#              (FUNCTIONS_APP_DIR: an app published already, as tests/run-all.sh does once per run)
set -euo pipefail
driver=${1:?usage: run-real-client.sh disk|azure|s3|functions}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/local-services.sh"
port=$(free_port)
data=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"' EXIT

if [ "$driver" = azure ] || [ "$driver" = functions ]; then
  start_azurite "$root" "$data/azurite"
  export Gaia__Azure__ConnectionString="$AZURITE_CONNECTION_STRING"
fi
if [ "$driver" = s3 ]; then
  start_moto "$root" "$data/moto"
  export Gaia__S3__ServiceUrl="$S3_ENDPOINT" Gaia__S3__ForcePathStyle=true Gaia__S3__Bucket="realclient$(date +%s)$RANDOM" \
    Gaia__S3__CreateBucket=true Gaia__S3__AccessKeyId=test Gaia__S3__SecretAccessKey=test
fi
log="$data/server.log"
if [ "$driver" = functions ]; then
  # On SIGTERM (the trap above) run-functions-host.sh stops the host, which stops its worker. Up to 3 minutes to
  # start: it publishes the app first unless FUNCTIONS_APP_DIR names a published one.
  AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" Gaia__PageSize=5 \
  Gaia__Azure__ContainerName="realclient$(date +%s)$RANDOM" \
    "$root/tests/run-functions-host.sh" "$port" >"$log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/hub_info" "the Functions app (real worker)" "${pids[-1]}" "$log" 900
  echo "real-client: @stacks/storage against the Functions app in its real worker (tests/run-functions-host.sh) on Azurite"
  node "$root/tests/clients/real-client.mjs" "http://127.0.0.1:$port" || { echo "worker log:" >&2; tail -n 60 "$log" >&2; exit 1; }
  exit 0
fi
server="$root/src/Gaia.Hub.Server/bin/Release/net10.0/Gaia.Hub.Server.dll"
[ -f "$server" ] || { echo "real-client: $server is missing; build the solution in Release first" >&2; exit 1; }

env Gaia__Driver="$driver" Gaia__PageSize=5 Gaia__Disk__RootDirectory="$data/gaia" \
  Gaia__Azure__ContainerName="realclient$(date +%s)$RANDOM" Gaia__Telemetry__Prometheus=true \
  Logging__LogLevel__Default=Debug Logging__LogLevel__Microsoft.AspNetCore=Debug Logging__LogLevel__Azure=Debug \
  dotnet "$server" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gaia.Hub.Server" >"$log" 2>&1 &
hub=$!
pids+=("$hub")
wait_for "http://127.0.0.1:$port/healthz" "the hub ($driver)" "$hub" "$log"

echo "real-client: @stacks/storage against the hub on the $driver driver"
client_status=0
GAIA_SECRETS_FILE="$data/secrets" node "$root/tests/clients/real-client.mjs" "http://127.0.0.1:$port" || client_status=$?

if [ "$driver" = azure ]; then # the storage account key must not be logged either
  sed -n 's/.*AccountKey=\([^;]*\);.*/\1/p' <<<"$AZURITE_CONNECTION_STRING" >>"$data/secrets"
fi

# What the hub exposed during that run (these checks print their own `N passed, N failed` line).
passed=0
failed=0
check() { # check NAME COMMAND...: runs COMMAND, prints ok / not ok
  local name=$1
  shift
  if "$@" >"$data/check.out" 2>&1; then
    passed=$((passed + 1)); echo "ok - $name"
  else
    failed=$((failed + 1)); echo "not ok - $name: $(tr '\n' ' ' <"$data/check.out" | cut -c1-600)"
  fi
}
metrics="$data/metrics.txt"
curl -sf "http://127.0.0.1:$port/metrics" -o "$metrics" || : >"$metrics"
kill "$hub" 2>/dev/null || true
wait "$hub" 2>/dev/null || true

has_metric() { grep -Eq "^$1" "$metrics" || { echo "no line matching ^$1 in /metrics"; return 1; }; }
promtool_check() {
  command -v promtool >/dev/null || { echo "promtool is not installed (Debian: apt-get install prometheus)"; return 1; }
  [ -s "$metrics" ] || { echo "/metrics answered nothing"; return 1; }
  promtool check metrics <"$metrics"
}
metric_lines() {
  has_metric 'gaia_hub_requests_total\{[^}]*http_route="/store/\{\*rest\}"' &&
  has_metric 'gaia_hub_stored_bytes_total' && has_metric 'gaia_hub_read_bytes_total' &&
  has_metric 'gaia_hub_token_verifications_total\{[^}]*gaia_token_cache="hit"' &&
  has_metric 'gaia_hub_storage_duration_seconds_count\{[^}]*gaia_storage_operation="write"'
}
no_secret_in_log() {
  [ -s "$data/secrets" ] || { echo "the client wrote no secrets file"; return 1; }
  if grep -F -f "$data/secrets" "$log" >"$data/leaks"; then
    echo "$(wc -l <"$data/leaks") log lines contain a token or key the client used, e.g.: $(head -c 300 "$data/leaks")"
    return 1
  fi
}
request_lines() {
  local lines
  lines=$(grep -c 'Gaia.Hub.Requests\[1\] POST /store/{\*rest} 202 in .* bucket 1[1-9A-HJ-NP-Za-km-z]*, trace [0-9a-f]\{32\}$' "$log" || true)
  [ "$lines" -ge 10 ] || { echo "expected at least 10 request lines for stores, found $lines"; return 1; }
}
check "/metrics passes promtool check metrics ($driver)" promtool_check
check "/metrics shows request, byte, token-cache and storage metrics ($driver)" metric_lines
check "the hub logs one line per request with route, status, bytes, bucket and trace id ($driver)" request_lines
secret_count=$(grep -c . "$data/secrets" 2>/dev/null || echo 0)
check "none of the $secret_count bearer tokens, signatures and private keys the client used appears in the hub's log at Debug ($driver)" no_secret_in_log
echo "$passed passed, $failed failed"
[ "$client_status" -eq 0 ] && [ "$failed" -eq 0 ]
