#!/usr/bin/env bash
# Serves the Functions app (src/Gaia.Hub.Functions) through its real isolated worker on http://127.0.0.1:PORT, with
# tests/Gaia.Hub.FunctionsHost standing in for the Azure Functions host, until SIGTERM or SIGINT (Ctrl+C); then the
# worker is stopped and nothing is left running. Use it where Functions Core Tools (`func start`) are not installed.
#
# Usage: tests/run-functions-host.sh PORT
#   App settings come from the environment (Gaia__*, AzureWebJobsStorage, ...). With none of those given, the Values of
#   src/Gaia.Hub.Functions/local.settings.json apply, as with `func start`, or else those of local.settings.sample.json:
#   the Azure driver on UseDevelopmentStorage=true, i.e. Azurite on its default ports (start it first, see README).
#   FUNCTIONS_APP_DIR   a published app to serve instead of publishing one (tests/run-all.sh publishes once per run)
#   The app is published (Release) into artifacts/functions-app when that is missing or older than the sources.
set -euo pipefail
port=${1:?usage: tests/run-functions-host.sh PORT}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v dotnet >/dev/null || { echo "run-functions-host: 'dotnet' is required but not installed" >&2; exit 1; }

app=${FUNCTIONS_APP_DIR:-}
if [ -z "$app" ]; then
  app=$root/artifacts/functions-app
  newest=$(find "$root/src/Gaia.Hub" "$root/src/Gaia.Hub.Functions" "$root/host.json" "$root/Directory.Build.props" \
    "$root/Directory.Packages.props" -newer "$app/functions.metadata" \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' \) \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null || echo missing)
  if [ ! -f "$app/functions.metadata" ] || [ -n "$newest" ]; then
    echo "run-functions-host: publishing src/Gaia.Hub.Functions (Release) to $app"
    dotnet publish "$root/src/Gaia.Hub.Functions" -c Release --nologo -v quiet -o "$app" >&2
  fi
fi
host=$root/tests/Gaia.Hub.FunctionsHost/bin/Release/net10.0/Gaia.Hub.FunctionsHost.dll
if [ ! -f "$host" ] || [ -n "$(find "$root/tests/Gaia.Hub.FunctionsHost" -newer "$host" \( -name '*.cs' -o -name '*.proto' -o -name '*.csproj' \) -not -path '*/obj/*' -print -quit)" ]; then
  dotnet build "$root/tests/Gaia.Hub.FunctionsHost" -c Release --nologo -v quiet >&2
fi

if ! env | grep -qE '^(Gaia__|AzureWebJobsStorage)'; then
  settings=$root/src/Gaia.Hub.Functions/local.settings.json
  [ -f "$settings" ] || settings=$root/local.settings.sample.json
  command -v node >/dev/null || { echo "run-functions-host: 'node' is required to read $settings" >&2; exit 1; }
  echo "run-functions-host: no Gaia__* or AzureWebJobsStorage setting given; using the Values of $settings" >&2
  while IFS= read -r -d '' setting; do export "$setting"; done < <(node -e '
    const values = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Values || {};
    for (const [name, value] of Object.entries(values)) process.stdout.write(`${name}=${value}\0`);' "$settings")
fi

# The host stops its worker when it stops, and the kernel kills the worker if the host dies (setpriv --pdeathsig in
# the host). Likewise the host gets SIGTERM if this script dies, even by SIGKILL, and the trap below covers the rest.
guard=()
[ -x /usr/bin/setpriv ] && guard=(/usr/bin/setpriv --pdeathsig TERM --)
"${guard[@]}" dotnet "$host" "$app" "$port" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
wait "$pid"
