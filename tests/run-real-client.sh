#!/usr/bin/env bash
# Starts the self-hosted hub (already built in Release) on a free loopback port with the given driver,
# runs the real-client test (npm @stacks/storage + @stacks/auth) against it, and stops it again.
# Usage: tests/run-real-client.sh disk|azure   (azure starts its own in-memory Azurite from node_modules)
set -euo pipefail
driver=${1:?usage: run-real-client.sh disk|azure}
root=$(cd "$(dirname "$0")/.." && pwd)
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_for() { # url, what, pid, log
  for _ in $(seq 1 150); do
    curl -sS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "real-client: $2 did not start:" >&2; cat "$4" >&2; return 1; }
    sleep 0.2
  done
  echo "real-client: $2 is not answering at $1" >&2; cat "$4" >&2; return 1
}
port=$(free_port)
data=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"' EXIT

if [ "$driver" = azure ]; then
  azurite="$root/node_modules/azurite/dist/src/azurite.js"
  [ -f "$azurite" ] || { echo "real-client: Azurite is not installed; run npm ci first" >&2; exit 1; }
  blob=$(free_port); table=$(free_port); queue=$(free_port)
  (cd "$data" && exec node "$azurite" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --tableHost 127.0.0.1 --tablePort "$table" \
    --queueHost 127.0.0.1 --queuePort "$queue") >"$data/azurite.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$blob/" Azurite "${pids[-1]}" "$data/azurite.log"
  wait_for "http://127.0.0.1:$table/" Azurite "${pids[-1]}" "$data/azurite.log"
  key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  export Gaia__Azure__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
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
