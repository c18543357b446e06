#!/usr/bin/env bash
# Cold start of the Functions app in its real worker: publishes src/Gaia.Hub.Functions twice into a temporary folder,
# as it is (JIT) and with ReadyToRun (framework-dependent, linux-x64), then measures each RUNS times (default 5, the
# two taking turns) from the worker process's start to its first answered request, through tests/Gaia.Hub.FunctionsHost
# on the Azure driver and an in-memory Azurite. Prints every run and the median, min and max. bench/README.md has results.
#
# Usage: bench/cold-start.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "cold-start: '$tool' is required but not installed" >&2; exit 1; }
done
[ -f "$root/node_modules/azurite/dist/src/azurite.js" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d "${TMPDIR:-/tmp}/gaia-cold-start.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
. "$root/tests/local-services.sh"

echo "== publish: normal (JIT) and ReadyToRun"
project=$root/src/Gaia.Hub.Functions
dotnet publish "$project" -c Release --nologo -v quiet -p:PublishReadyToRun=false -o "$work/jit" >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
dotnet publish "$project" -c Release --nologo -v quiet -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" \
  >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
dotnet build "$root/bench/ColdStart" -c Release --nologo -v quiet -o "$work/bench" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
echo "sizes:    normal $(du -sh "$work/jit" | cut -f1), ReadyToRun $(du -sh "$work/r2r" | cut -f1)"
echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); dotnet $(dotnet --version)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"

start_azurite "$root" "$work/azurite"
echo "== cold start, $runs runs each"
Gaia__Driver=azure Gaia__Azure__ConnectionString="$AZURITE_CONNECTION_STRING" AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" \
  dotnet "$work/bench/Gaia.Bench.ColdStart.dll" "$runs" "normal=$work/jit" "ReadyToRun=$work/r2r"
