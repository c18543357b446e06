#!/usr/bin/env bash
# Starts the self-hosted hub (already built in Release) on a free loopback port with the given driver,
# runs the real-client test (npm @stacks/storage + @stacks/auth) against it, and stops it again.
# Usage: tests/run-real-client.sh disk|azure|s3   (azure starts its own in-memory Azurite from node_modules,
# s3 its own in-memory moto S3 server, see start_moto in tests/local-services.sh)
set -euo pipefail
driver=${1:?usage: run-real-client.sh disk|azure|s3}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/local-services.sh"
port=$(free_port)
data=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"' EXIT

if [ "$driver" = azure ]; then
  start_azurite "$root" "$data/azurite"
  export Gaia__Azure__ConnectionString="$AZURITE_CONNECTION_STRING"
fi
if [ "$driver" = s3 ]; then
  start_moto "$root" "$data/moto"
  export Gaia__S3__ServiceUrl="$S3_ENDPOINT" Gaia__S3__ForcePathStyle=true Gaia__S3__Bucket="realclient$(date +%s)$RANDOM" \
    Gaia__S3__CreateBucket=true Gaia__S3__AccessKeyId=test Gaia__S3__SecretAccessKey=test
fi
log="$data/server.log"
server="$root/src/Gaia.Hub.Server/bin/Release/net10.0/Gaia.Hub.Server.dll"
[ -f "$server" ] || { echo "real-client: $server is missing; build the solution in Release first" >&2; exit 1; }

Gaia__Driver=$driver Gaia__PageSize=5 Gaia__Disk__RootDirectory="$data/gaia" \
Gaia__Azure__ContainerName="realclient$(date +%s)$RANDOM" \
  dotnet "$server" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gaia.Hub.Server" >"$log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/healthz" "the hub ($driver)" "${pids[-1]}" "$log"

echo "real-client: @stacks/storage against the hub on the $driver driver"
node "$root/tests/clients/real-client.mjs" "http://127.0.0.1:$port"
