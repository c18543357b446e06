#!/usr/bin/env bash
# Every test of the project, as the README and CI run it. Installs what it needs (npm packages, Azurite, moto,
# promtool);
# fails, never skips, when something is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "run-all: '$tool' is required but not installed" >&2; exit 1; }
done

echo "== npm ci (jsontokens, @stacks/*, azurite)"
npm ci --no-audit --no-fund --loglevel=error

echo "== S3 test server (moto[server] 5.2.1 for python3; tests/s3/requirements.txt)"
. tests/local-services.sh
moto_python "$root" >/dev/null

echo "== bicep build + lint of infra/ (fails on any warning)"
infra/build.sh

echo "== build (Release)"
dotnet build GaiaFunctions.sln -c Release --nologo -v quiet

# Once per run: the Functions app as deployed, for its real worker under tests/Gaia.Hub.FunctionsHost (xunit) and
# tests/run-functions-host.sh (the real-client test).
echo "== publish the Functions app (Release) to artifacts/functions-app"
rm -rf artifacts/functions-app
dotnet publish src/Gaia.Hub.Functions -c Release --no-build --nologo -v quiet -o artifacts/functions-app
export GAIA_FUNCTIONS_APP=$root/artifacts/functions-app FUNCTIONS_APP_DIR=$root/artifacts/functions-app

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "== dotnet test"
set +e
dotnet test GaiaFunctions.sln -c Release --no-build --nologo 2>&1 | tee "$results"
dotnet_status=${PIPESTATUS[0]}
set -e

echo "== promtool (Debian's prometheus package) for the /metrics format check after the real-client runs"
if ! command -v promtool >/dev/null; then
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq -o DPkg::Lock::Timeout=300 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 prometheus >/dev/null; } ||
    { echo "run-all: installing Debian's prometheus package (promtool) failed" >&2; exit 1; }
fi
command -v promtool >/dev/null || { echo "run-all: promtool is still missing after installing prometheus" >&2; exit 1; }

echo "== real clients"
set +e
tests/run-real-client.sh disk 2>&1 | tee -a "$results"
disk_status=${PIPESTATUS[0]}
tests/run-real-client.sh azure 2>&1 | tee -a "$results"
azure_status=${PIPESTATUS[0]}
tests/run-real-client.sh s3 2>&1 | tee -a "$results"
s3_status=${PIPESTATUS[0]}
tests/run-real-client.sh functions 2>&1 | tee -a "$results"
functions_status=${PIPESTATUS[0]}
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
[ "$dotnet_status" -eq 0 ] && [ "$disk_status" -eq 0 ] && [ "$azure_status" -eq 0 ] && [ "$s3_status" -eq 0 ] \
  && [ "$functions_status" -eq 0 ] && [ "$interop_status" -eq 0 ] && [ "$passed" -gt 0 ]
