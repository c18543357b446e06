#!/usr/bin/env bash
# Compiles and lints the azd infrastructure (infra/main.bicep and every module under infra/) with the Bicep CLI
# from the NuGet package Azure.Bicep.CommandLine.linux-x64 (version pinned in infra/tools/bicep-cli.csproj), and
# checks infra/main.parameters.json against main.bicep. Fails on any error and on any warning.
# Needs only the .NET SDK and a NuGet feed; nothing is deployed and Azure is never contacted.
#
#   infra/build.sh            (set BICEP=/path/to/bicep to use another Bicep CLI instead of the pinned one)
set -euo pipefail

infra=$(cd "$(dirname "$0")" && pwd)
cd "$infra"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${BICEP:-}" ]; then
  command -v dotnet >/dev/null || { echo "infra/build.sh: 'dotnet' (the .NET SDK) is required" >&2; exit 1; }
  if [ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]; then
    echo "infra/build.sh: the pinned Bicep CLI is linux-x64; on $(uname -s)/$(uname -m) set BICEP=/path/to/bicep" >&2
    exit 1
  fi
  tool=tools/bicep-cli.csproj
  if ! dotnet restore "$tool" --nologo -v quiet >"$work/restore.log" 2>&1; then
    cat "$work/restore.log" >&2
    echo "infra/build.sh: restoring $tool (Azure.Bicep.CommandLine.linux-x64) failed" >&2
    exit 1
  fi
  package=$(dotnet msbuild "$tool" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)
  BICEP="$package/tools/bicep"
  [ -f "$BICEP" ] || { echo "infra/build.sh: no Bicep CLI at $BICEP after restore" >&2; exit 1; }
  # NuGet extracts the binary with the owner's execute bit only; make sure it is set.
  [ -x "$BICEP" ] || chmod u+x "$BICEP"
fi
echo "== $("$BICEP" --version)"

failed=0
# Runs one Bicep command; fails on a non-zero exit or on any Error/Warning diagnostic (Bicep prints diagnostics as
# "file(line,col) : Warning rule: message" and still exits 0 for warnings).
run() {
  local label=$1
  shift
  local status=0
  "$BICEP" "$@" >"$work/out.log" 2>&1 || status=$?
  if [ -s "$work/out.log" ]; then
    sed "s|$work/||g" "$work/out.log"
  fi
  if [ "$status" -ne 0 ] || grep -Eq ' : (Error|Warning) ' "$work/out.log"; then
    echo "FAIL: $label (exit $status)" >&2
    failed=1
  else
    echo "ok: $label"
  fi
}

# `bicep build main.bicep` alone does not report linter warnings found inside modules, so every .bicep file is
# built and linted as an entry point of its own.
run "bicep build infra/**/*.bicep" build --pattern '**/*.bicep' --outdir "$work/arm"
run "bicep lint infra/**/*.bicep" lint --pattern '**/*.bicep'
[ -f "$work/arm/main.json" ] || { echo "FAIL: no ARM template was written for main.bicep" >&2; failed=1; }

# main.parameters.json as azd would resolve it (${VAR=default} -> default, other ${VAR} -> empty, with a sample
# environment name and region), turned into a .bicepparam and compiled against main.bicep: an unknown or missing
# parameter, or a value that main.bicep does not allow, is an error.
sed -E -e 's/\$\{AZURE_ENV_NAME\}/ci/g' -e 's/\$\{AZURE_LOCATION\}/eastus2/g' \
  -e 's/\$\{[A-Za-z_][A-Za-z0-9_]*=([^}]*)\}/\1/g' -e 's/\$\{[A-Za-z_][A-Za-z0-9_]*\}//g' \
  main.parameters.json >"$work/main.parameters.json"
if "$BICEP" decompile-params "$work/main.parameters.json" --bicep-file "$infra/main.bicep" \
  --outfile "$work/main.bicepparam" >"$work/decompile.log" 2>&1; then
  run "main.parameters.json against main.bicep" \
    build-params "$work/main.bicepparam" --outfile "$work/main.parameters.arm.json"
else
  cat "$work/decompile.log" >&2
  echo "FAIL: main.parameters.json could not be read as a parameters file" >&2
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  echo "infra/build.sh: Bicep reported errors or warnings" >&2
  exit 1
fi
echo "infra/build.sh: main.bicep, its modules and main.parameters.json compile with no errors or warnings"
