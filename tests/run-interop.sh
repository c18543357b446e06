#!/usr/bin/env bash
# Interop of Gaia.Client and the gaia tool with the real @stacks/storage, through the self-hosted hub (already built in
# Release) on a free loopback port: @stacks/storage writes the matrix (text and binary, empty and 1 MiB; encrypted,
# encrypted and signed, signed) and .NET reads, decrypts and verifies it; .NET and `gaia put --encrypt [--sign]` write
# and @stacks/storage getFile (decrypt, verify) reads; `gaia get --decrypt [--verify]` prints what putFile wrote.
# Each part prints `N passed, N failed`; the script fails when any check failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/tests/local-services.sh"
port=$(free_port)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

release="bin/Release/net10.0"
server="$root/src/Gaia.Hub.Server/$release/Gaia.Hub.Server.dll"
interop="$root/tests/Gaia.Client.Interop/$release/Gaia.Client.Interop.dll"
gaia="$root/src/Gaia.Cli/$release/gaia.dll"
for built in "$server" "$interop" "$gaia"; do
  [ -f "$built" ] || { echo "interop: $built is missing; build the solution in Release first" >&2; exit 1; }
done

Gaia__Driver=disk Gaia__Disk__RootDirectory="$work/gaia" \
  dotnet "$server" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gaia.Hub.Server" >"$work/server.log" 2>&1 &
pids+=($!)
hub="http://127.0.0.1:$port"
wait_for "$hub/healthz" "the hub" "${pids[-1]}" "$work/server.log"

cd "$root"
key=$(node --input-type=module -e "import { makeECPrivateKey } from '@stacks/encryption'; console.log(makeECPrivateKey())")
status=0

echo "interop: @stacks/storage putFile -> Gaia.Client GetFileAsync"
node tests/clients/interop.mjs write "$hub" "$key" "$work/node" || status=1
dotnet "$interop" read "$hub" "$key" "$work/node/node-manifest.json" || status=1

echo "interop: gaia get --decrypt / --verify of what putFile wrote"
cli_passed=0 cli_failed=0
cli_check() { # NAME PLAINTEXT-FILE GAIA-ARGS...: the file gaia writes must equal PLAINTEXT-FILE
  local name=$1 expected=$2; shift 2
  if GAIA_KEY=$key GAIA_HUB=$hub dotnet "$gaia" get "$@" >"$work/out" 2>"$work/err" && cmp -s "$work/out" "$expected"; then
    cli_passed=$((cli_passed + 1)); echo "ok - gaia get $name"
  else
    cli_failed=$((cli_failed + 1)); echo "not ok - gaia get $name: $(tr '\n' ' ' <"$work/err")"
  fi
}
path_of() { node -e 'const m = require(process.argv[1]); console.log(m.find(e => e.plaintext === process.argv[2]).path)' "$work/node/node-manifest.json" "$1"; }
for name in encrypted-text-1048576 encrypted-binary-1048576 encrypted-text-0; do
  cli_check "$name --decrypt" "$work/node/$name" "$(path_of "$name")" --decrypt
done
cli_check "encrypted-signed-text-1048576 --decrypt --verify" "$work/node/encrypted-signed-text-1048576" \
  "$(path_of encrypted-signed-text-1048576)" --decrypt --verify
cli_check "signed-binary-1048576 --verify" "$work/node/signed-binary-1048576" "$(path_of signed-binary-1048576)" --verify
echo "$cli_passed passed, $cli_failed failed"
[ "$cli_failed" -eq 0 ] || status=1

echo "interop: Gaia.Client PutFileAsync and gaia put --encrypt [--sign] -> @stacks/storage getFile"
dotnet "$interop" write "$hub" "$key" "$work/dotnet" || status=1
mkdir -p "$work/cli"
printf 'gaia put --encrypt: héllo 🌞\n' >"$work/cli/text"
head -c 1048576 /dev/urandom >"$work/cli/binary"
run="cli-$RANDOM$RANDOM"
GAIA_KEY=$key GAIA_HUB=$hub dotnet "$gaia" put "$work/cli/text" "interop-$run/note.txt" --encrypt >/dev/null || status=1
GAIA_KEY=$key GAIA_HUB=$hub dotnet "$gaia" put "$work/cli/binary" "interop-$run/blob.bin" --encrypt --sign >/dev/null || status=1
GAIA_KEY=$key GAIA_HUB=$hub dotnet "$gaia" put "$work/cli/text" "interop-$run/plain.txt" --sign >/dev/null || status=1
cat >"$work/cli/cli-manifest.json" <<JSON
[
  { "path": "interop-$run/note.txt", "kind": "text", "mode": "encrypted", "plaintext": "text" },
  { "path": "interop-$run/blob.bin", "kind": "binary", "mode": "encrypted-signed", "plaintext": "binary" },
  { "path": "interop-$run/plain.txt", "kind": "text", "mode": "signed", "plaintext": "text" }
]
JSON
node tests/clients/interop.mjs read "$hub" "$key" "$work/dotnet/dotnet-manifest.json" "$work/cli/cli-manifest.json" || status=1
exit "$status"
