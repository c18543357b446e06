# Shell helpers for scripts that start local services on loopback (sourced by tests/run-real-client.sh and
# bench/run.sh). The caller keeps a `pids` array and kills what is in it on exit.

# A free TCP port on 127.0.0.1.
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# wait_for URL WHAT PID LOG [TRIES]: waits up to 30 s (TRIES x 0.2 s) for URL to answer; fails with LOG when PID dies
# or time runs out.
wait_for() {
  for _ in $(seq 1 "${5:-150}"); do
    curl -s -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 did not start:" >&2; cat "$4" >&2; return 1; }
    sleep 0.2
  done
  echo "$2 is not answering at $1" >&2; cat "$4" >&2; return 1
}

# start_azurite ROOT WORKDIR: in-memory Azurite (blob and table) from ROOT/node_modules on free ports, run in
# WORKDIR; adds its pid to `pids` and sets AZURITE_CONNECTION_STRING.
start_azurite() {
  local azurite="$1/node_modules/azurite/dist/src/azurite.js" blob table queue pid
  [ -f "$azurite" ] || { echo "Azurite is not installed; run npm ci first" >&2; return 1; }
  blob=$(free_port); table=$(free_port); queue=$(free_port)
  mkdir -p "$2"
  (cd "$2" && exec node "$azurite" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --tableHost 127.0.0.1 --tablePort "$table" \
    --queueHost 127.0.0.1 --queuePort "$queue") >"$2/azurite.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_for "http://127.0.0.1:$blob/" Azurite "$pid" "$2/azurite.log"
  wait_for "http://127.0.0.1:$table/" Azurite "$pid" "$2/azurite.log"
  local key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}
