#!/usr/bin/env bash
# One benchmark run of the hub on this machine (bench/README.md explains every phase and its limit).
# Builds Release into a temporary folder, measures the limits (the disk's durable small writes, a bare Kestrel
# endpoint), then the self-hosted hub: disk driver (durable, durability off), a 1 GiB upload, the Azure driver on
# Azurite, and the BenchmarkDotNet micro-benchmarks. Only loopback is used; every load phase is bounded in time.
#
# Usage: bench/run.sh [--seconds N] [--settle N] [--no-azure] [--no-micro]
#   --seconds N   length of each load phase (default 15; the README's numbers use 15)
#   --settle N    seconds without disk writes before each measurement of small disk writes (default 30; see README)
#   BENCH_DATA    folder for the disk driver's data and the write-limit files (default: a new folder under /tmp);
#                 it decides which disk is measured
set -euo pipefail
seconds=15 settle=30 azure=1 micro=1
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --settle) settle=${2:?--settle needs a number}; shift 2 ;;
    --no-azure) azure=0; shift ;;
    --no-micro) micro=0; shift ;;
    *) echo "usage: bench/run.sh [--seconds N] [--settle N] [--no-azure] [--no-micro]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
threads=2 connections=32 warmup=3

for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is required but not installed" >&2; exit 1; }
done
if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
  command -v wrk >/dev/null || { echo "bench: wrk is missing; install it with 'sudo apt-get install wrk'" >&2; exit 1; }
fi
if [ ! -d "$root/node_modules/@stacks/storage" ] || [ ! -f "$root/node_modules/azurite/dist/src/azurite.js" ]; then
  echo "== npm ci (the real client mints the token; Azurite)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gaia-bench.XXXXXX")
data=${BENCH_DATA:-$work/data}
mkdir -p "$data"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
  [ -z "${BENCH_DATA:-}" ] || rm -rf "$data/hub" "$data/limit" "$data/limit2"
}
trap cleanup EXIT

echo "== build (Release, into $work/art)"
art=$work/art
for project in src/Gaia.Hub.Server bench/BareEndpoint bench/DurableWrites bench/Micro; do
  dotnet build "$root/$project" -c Release --artifacts-path "$art" --nologo -v quiet -p:TreatWarningsAsErrors=true >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
done
hub_dll=$art/bin/Gaia.Hub.Server/release/Gaia.Hub.Server.dll
bare_dll=$art/bin/Gaia.Bench.BareEndpoint/release/Gaia.Bench.BareEndpoint.dll
limit_dll=$art/bin/Gaia.Bench.DurableWrites/release/Gaia.Bench.DurableWrites.dll
micro_dll=$art/bin/Gaia.Bench.Micro/release/Gaia.Bench.Micro.dll

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:      $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory:   $(free -m | awk '/^Mem:/ {print $2}') MiB"
echo "kernel:   $(uname -r); dotnet $(dotnet --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "disk:     $(df -P "$data" | awk 'NR==2 {print $1}') $(findmnt -no FSTYPE,OPTIONS -T "$data" 2>/dev/null || true)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"

. "$root/tests/local-services.sh"
server=0 port=0
start() { # name, dll, then VAR=VALUE settings; sets $server (pid) and $port
  local name=$1 dll=$2; shift 2
  port=$(free_port)
  (cd "$work" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$(dirname "$dll")") >"$work/$name.log" 2>&1 &
  server=$!
  pids+=("$server")
  wait_for "http://127.0.0.1:$port/healthz" "$name" "$server" "$work/$name.log"
}
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
kib() { awk -v k="$1" '/^'"$1"':/ {print $2}' "/proc/$server/status"; }
reset_peak() { echo 5 > "/proc/$server/clear_refs" 2>/dev/null || true; }

calc() { awk "BEGIN { print $1 }"; }
# ext4 without a journal does not reuse an inode freed in the last 30 s, and every file creation scans past such
# inodes, so a burst of small writes slows the next one down. Each measurement of small disk writes starts after a
# quiet pause, so that it does not inherit the previous one's deletions.
quiet() { sleep "$settle"; }
declare -A rps p50 p99 errors peak
result() { sed -n "s/.*\b$2=\([0-9.]*\).*/\1/p" <<<"$1"; }
phase() { # name, method, path, then BENCH_* settings; runs a warm-up, then the measured phase
  local name=$1 method=$2 path=$3; shift 3
  env BENCH_METHOD="$method" BENCH_PATH="$path" "$@" wrk -t$threads -c$connections -d${warmup}s --timeout 10s \
    -s "$bench/phase.lua" "http://127.0.0.1:$port" >/dev/null
  sleep 1 # the warm-up's last requests end (a store still in flight would answer the next phase's first one 409)
  reset_peak
  local out
  out=$(env BENCH_METHOD="$method" BENCH_PATH="$path" "$@" wrk -t$threads -c$connections -d${seconds}s --timeout 10s \
    -s "$bench/phase.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  rps[$name]=$(result "$out" rps); p50[$name]=$(result "$out" p50_us); p99[$name]=$(result "$out" p99_us)
  errors[$name]=$(result "$out" errors); peak[$name]=$(( $(kib VmHWM) / 1024 ))
  printf '  %-28s %8s req/s  p50 %6.2f ms  p99 %7.2f ms  peak RSS %4s MiB  errors %s\n' "$name" "${rps[$name]}" \
    "$(calc "${p50[$name]} / 1000")" "$(calc "${p99[$name]} / 1000")" "${peak[$name]}" "${errors[$name]}"
}
mint_token() { # prints "ADDRESS TOKEN" for the hub on $port, made by @stacks/storage
  (cd "$root" && node tests/clients/make-token.mjs "http://127.0.0.1:$port") >"$work/token.sh"
  # shellcheck disable=SC1091
  (. "$work/token.sh" && echo "$ADDRESS $TOKEN")
}
hub_phases() { # prefix; the hub on $port: store 2 x 1000 rotating names, read one of them, list the 2,000-file bucket
  local prefix=$1 address token
  read -r address token <<<"$(mint_token)"
  [ "$prefix" != disk ] || quiet
  phase "$prefix store" POST "/store/$address/bench/f" BENCH_ROTATE=1000 BENCH_BODY_BYTES=1024 BENCH_TOKEN="$token"
  local listed
  listed=$(curl -s -X POST -H "Authorization: bearer $token" -d '{"stat":false}' "http://127.0.0.1:$port/list-files/$address" \
    | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);console.log(r.entries.length, r.page ? 'more' : 'last')})")
  [ "$listed" = "100 more" ] || { echo "bench: the bucket's first page is not full ($listed)" >&2; exit 1; }
  phase "$prefix read" GET "/read/$address/bench/f0-1"
  phase "$prefix list" POST "/list-files/$address" BENCH_BODY='{}' BENCH_TOKEN="$token"
}

echo "== limits (each after ${settle} s without disk writes)"
limit() { # key, directory, FSYNC, RECORD, description
  quiet
  local out
  out=$(dotnet "$limit_dll" "$2" "$seconds" 32 1024 "$3" "$4")
  rps[$1]=$(result "$out" rps); p50[$1]=$(result "$out" p50_us); p99[$1]=$(result "$out" p99_us)
  printf '  %-62s %6s writes/s  p50 %6.2f ms  p99 %6.2f ms\n' "$5" "${rps[$1]}" "$(calc "${p50[$1]} / 1000")" "$(calc "${p99[$1]} / 1000")"
}
limit limit "$data/limit" 1 none "durable writes (1 KiB + fsync + rename, 32 writers)"
limit limit_nofsync "$data/limit" 0 none "the same without fsync"
limit limit_xattr "$data/limit2" 1 xattr "the same with an extended attribute (the driver's pattern)"
limit limit_sidecar "$data/limit2" 1 sidecar "the same plus a sidecar file (Gaia__Disk__Metadata=Sidecar)"
start bare "$bare_dll"
phase "bare GET" GET /bare
phase "bare POST" POST /bare/f BENCH_ROTATE=1000 BENCH_BODY_BYTES=1024
stop

echo "== hub, disk driver, durable writes (default)"
start hub "$hub_dll" Gaia__Disk__RootDirectory="$data/hub"
baseline=$(( $(kib VmRSS) / 1024 ))
hub_phases disk
stop
echo "  RSS before load: $baseline MiB"

echo "== hub, disk driver, durability off (Gaia__Disk__Durable=false)"
start hub "$hub_dll" Gaia__Disk__RootDirectory="$data/hub" Gaia__Disk__Durable=false
read -r address token <<<"$(mint_token)"
quiet
phase "disk store, not durable" POST "/store/$address/bench/f" BENCH_ROTATE=1000 BENCH_BODY_BYTES=1024 BENCH_TOKEN="$token"
stop
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/gaia-bench.XXXXXX)
  start hub "$hub_dll" Gaia__Disk__RootDirectory="$shm" Gaia__Disk__Durable=false
  read -r address token <<<"$(mint_token)"
  phase "tmpfs store, not durable" POST "/store/$address/bench/f" BENCH_ROTATE=1000 BENCH_BODY_BYTES=1024 BENCH_TOKEN="$token"
  stop
  rm -rf "$shm"
fi

echo "== hub, disk driver: one 1 GiB upload (Gaia__MaxFileUploadSizeMegabytes=1100)"
start hub "$hub_dll" Gaia__Disk__RootDirectory="$data/hub" Gaia__MaxFileUploadSizeMegabytes=1100
read -r address token <<<"$(mint_token)"
for i in $(seq 1 20); do
  curl -s -o /dev/null -X POST -H "Authorization: bearer $token" --data-binary "warm-up $i" "http://127.0.0.1:$port/store/$address/warm.txt"
done
truncate -s 1G "$work/upload.bin"
before=$(( $(kib VmRSS) / 1024 ))
reset_peak
status=$(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total}' -X POST -T "$work/upload.bin" \
  -H "Authorization: bearer $token" -H 'Content-Type: application/octet-stream' "http://127.0.0.1:$port/store/$address/upload.bin")
upload_peak=$(( $(kib VmHWM) / 1024 ))
stored=$(stat -c %s "$data/hub/$address/upload.bin" 2>/dev/null || echo 0)
[ "${status%% *}" = 202 ] && [ "$stored" = 1073741824 ] || { echo "bench: the 1 GiB upload failed: $status, $stored bytes stored" >&2; exit 1; }
upload_growth=$(( upload_peak - before ))
printf '  1 GiB stored in %.1f s (%.0f MiB/s); RSS %s MiB before, peak %s MiB: +%s MiB\n' "${status#* }" \
  "$(calc "1024 / ${status#* }")" "$before" "$upload_peak" "$upload_growth"
stop
rm -f "$work/upload.bin" "$data/hub/$address/upload.bin"

if [ "$azure" = 1 ]; then
  echo "== hub, Azure driver on Azurite (in memory; no targets: Azurite is the bottleneck)"
  start_azurite "$root" "$work/azurite"
  start hub "$hub_dll" Gaia__Driver=azure Gaia__Azure__ContainerName="bench$(date +%s)" \
    Gaia__Azure__ConnectionString="$AZURITE_CONNECTION_STRING"
  hub_phases azure
  stop
fi

if [ "$micro" = 1 ]; then
  echo "== micro-benchmarks (BenchmarkDotNet)"
  (cd "$work" && dotnet "$micro_dll" --artifacts "$work/micro") >"$work/micro.log" 2>&1 || { cat "$work/micro.log" >&2; exit 1; }
  sed -n '/^| Method/,/^$/p' "$work/micro.log" | grep '^|'
fi

echo "== summary ($seconds s per phase, $threads threads x $connections connections; load $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
met=0 missed=0
check() { # what, value, comparison, target, shown
  if [ "$(calc "($2 $3 $4) ? 1 : 0")" = 1 ]; then verdict=met; met=$((met + 1)); else verdict=MISSED; missed=$((missed + 1)); fi
  printf '  %-52s %-16s target %-8s %s\n' "$1" "$5" "$3 $6" "$verdict"
}
ratio() { calc "100 * $1 / $2"; }
pct() { printf '%.1f %%' "$1"; }
r=$(ratio "${rps[disk store]}" "${rps[limit]}");                  check "store / durable-write limit" "$r" '>=' 60 "$(pct "$r")" '60 %'
r2=$(ratio "${rps[disk store]}" "${rps[limit_xattr]}");           printf '  %-52s %s\n' "(store / limit with an attribute per write)" "$(pct "$r2")"
r=$(ratio "${rps[disk store, not durable]}" "${rps[bare POST]}");  check "store, durability off / bare POST" "$r" '>=' 15 "$(pct "$r")" '15 %'
r=$(ratio "${rps[limit_nofsync]}" "${rps[bare POST]}");           printf '  %-52s %s\n' "(the disk's own writes without fsync / bare POST)" "$(pct "$r")"
if [ -n "${rps[tmpfs store, not durable]:-}" ]; then
  r=$(ratio "${rps[tmpfs store, not durable]}" "${rps[bare POST]}"); printf '  %-52s %s\n' "(store, durability off, on tmpfs / bare POST)" "$(pct "$r")"
fi
r=$(ratio "${rps[disk read]}" "${rps[bare GET]}");                check "read / bare GET" "$r" '>=' 50 "$(pct "$r")" '50 %'
r=$(ratio "${rps[disk list]}" "${rps[bare GET]}");                check "list (2,000 files, first page) / bare GET" "$r" '>=' 10 "$(pct "$r")" '10 %'
v=$(calc "${p99[disk store]} / 1000");                             check "store p99 (ms)" "$v" '<' 10 "$(printf '%.2f' "$v")" '10'
printf '  %-52s %.2f\n' "(the disk's own p99 per durable write, 32 writers)" "$(calc "${p99[limit_xattr]} / 1000")"
v=$(calc "${p99[disk read]} / 1000");                              check "read p99 (ms)" "$v" '<' 5 "$(printf '%.2f' "$v")" '5'
v=$(printf '%s\n' "${peak[disk store]}" "${peak[disk read]}" "${peak[disk list]}" | sort -n | tail -1)
check "peak RSS under load (MiB)" "$v" '<=' 150 "$v" '150'
check "RSS growth of the 1 GiB upload (MiB)" "$upload_growth" '<' 64 "$upload_growth" '64'
total_errors=0
for name in "${!errors[@]}"; do total_errors=$((total_errors + ${errors[$name]})); done
echo "  requests that failed or were refused: $total_errors"
echo "targets: $met met, $missed missed"
[ "$total_errors" -eq 0 ]
