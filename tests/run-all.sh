#!/usr/bin/env bash
# Every test of the project, as the README and CI run it. Installs what it needs (npm packages, Azurite);
# fails, never skips, when something is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "run-all: '$tool' is required but not installed" >&2; exit 1; }
done

echo "== npm ci (jsontokens, @stacks/*, azurite)"
npm ci --no-audit --no-fund --loglevel=error

echo "== bicep build + lint of infra/ (fails on any warning)"
infra/build.sh

echo "== build (Release; the Functions app against its compile-time facade, see README)"
dotnet build GaiaFunctions.sln -c Release --nologo -v quiet -p:UseFunctionsFacade=true

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "== dotnet test"
set +e
dotnet test GaiaFunctions.sln -c Release --no-build --nologo -p:UseFunctionsFacade=true 2>&1 | tee "$results"
dotnet_status=${PIPESTATUS[0]}
set -e

echo "== real clients"
set +e
tests/run-real-client.sh disk 2>&1 | tee -a "$results"
disk_status=${PIPESTATUS[0]}
tests/run-real-client.sh azure 2>&1 | tee -a "$results"
azure_status=${PIPESTATUS[0]}
set -e

echo "== interop: Gaia.Client and gaia with @stacks/storage (encrypted, signed)"
set +e
tests/run-interop.sh 2>&1 | tee -a "$results"
interop_status=${PIPESTATUS[0]}
set -e

passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
node_passed=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$results" | awk '{s+=$1} END {print s+0}')
node_failed=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$results" | awk '{s+=$3} END {print s+0}')
echo "total: $(( passed + node_passed )) passed, $(( failed + node_failed )) failed"
[ "$dotnet_status" -eq 0 ] && [ "$disk_status" -eq 0 ] && [ "$azure_status" -eq 0 ] && [ "$interop_status" -eq 0 ] && [ "$passed" -gt 0 ]
