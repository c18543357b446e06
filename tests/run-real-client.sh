#!/usr/bin/env bash
# Starts the self-hosted hub (already built in Release) on a free loopback port with the given driver,
# runs the real-client test (npm @stacks/storage + @stacks/auth) against it, and stops it again.
# Usage: tests/run-real-client.sh disk|azure   (azure expects Gaia__Azure__ConnectionString in the environment)
set -euo pipefail
driver=${1:?usage: run-real-client.sh disk|azure}
root=$(cd "$(dirname "$0")/.." && pwd)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
data=$(mktemp -d)
log="$data/server.log"
server="$root/src/Gaia.Hub.Server/bin/Release/net10.0/Gaia.Hub.Server.dll"
[ -f "$server" ] || { echo "real-client: $server is missing; build the solution in Release first" >&2; exit 1; }

Gaia__Driver=$driver Gaia__PageSize=5 Gaia__Disk__RootDirectory="$data/gaia" \
Gaia__Azure__ContainerName="realclient$(date +%s)$RANDOM" \
  dotnet "$server" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gaia.Hub.Server" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "real-client: the hub did not start ($driver):" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "real-client: the hub is not answering" >&2; cat "$log" >&2; exit 1; }

echo "real-client: @stacks/storage against the hub on the $driver driver"
node "$root/tests/clients/real-client.mjs" "http://127.0.0.1:$port"
