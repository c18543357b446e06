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

# moto_python ROOT: prints a Python that has moto's S3 server, 5.2.1 or a later 5.x (ROOT/tests/s3/requirements.txt).
# python3 is used when it has it already; otherwise it is installed with pip into ROOT/.venv-s3 (that needs PyPI).
moto_python() {
  local venv="$1/.venv-s3" py check='import sys, flask, flask_cors, moto.server
v = tuple(int(p) for p in moto.__version__.split(".")[:3])
sys.exit(0 if v[0] == 5 and v >= (5, 2, 1) else 1)'
  for py in "$venv/bin/python" python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "$check" 2>/dev/null; then "$py" -c 'import sys; print(sys.executable)'; return 0; fi
  done
  command -v python3 >/dev/null || { echo "python3 is needed for the S3 test server (moto)" >&2; return 1; }
  { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$1/tests/s3/requirements.txt"; } >&2 \
    && "$venv/bin/python" -c "$check" \
    || { echo "moto[server] 5.2.1 is not installed for python3 and pip could not install it into $venv" >&2; return 1; }
  echo "$venv/bin/python"
}

# start_moto ROOT WORKDIR: moto's S3 server (in memory) on a free loopback port, run in WORKDIR; adds its pid to
# `pids` and sets S3_ENDPOINT (path-style addressing, any access key).
start_moto() {
  local python port pid
  python=$(moto_python "$1") || return 1
  port=$(free_port)
  mkdir -p "$2"
  (cd "$2" && TMPDIR="$2" exec "$python" -m moto.server -H 127.0.0.1 -p "$port") >"$2/moto.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_for "http://127.0.0.1:$port/moto-api/" "moto (S3)" "$pid" "$2/moto.log"
  S3_ENDPOINT="http://127.0.0.1:$port"
}
