#!/usr/bin/env bash
# Starts the self-hosted hub (already built in Release) on a free loopback port with the given driver,
# runs the real-client test (npm @stacks/storage + @stacks/auth) against it, and stops it again.
# Usage: tests/run-real-client.sh disk|azure|functions
#   azure      starts its own in-memory Azurite from node_modules
#   functions  the Functions app in its real worker under tests/run-functions-host.sh, on its own Azurite
#              (FUNCTIONS_APP_DIR: an app published already, as tests/run-all.sh does once per run)
set -euo pipefail
driver=${1:?usage: run-real-client.sh disk|azure|functions}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/local-services.sh"
port=$(free_port)
data=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"' EXIT

if [ "$driver" != disk ]; then
  start_azurite "$root" "$data/azurite"
  export Gaia__Azure__ConnectionString="$AZURITE_CONNECTION_STRING"
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

Gaia__Driver=$driver Gaia__PageSize=5 Gaia__Disk__RootDirectory="$data/gaia" \
Gaia__Azure__ContainerName="realclient$(date +%s)$RANDOM" \
  dotnet "$server" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gaia.Hub.Server" >"$log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/healthz" "the hub ($driver)" "${pids[-1]}" "$log"

echo "real-client: @stacks/storage against the hub on the $driver driver"
node "$root/tests/clients/real-client.mjs" "http://127.0.0.1:$port"
