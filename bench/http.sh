#!/usr/bin/env bash
# HTTP throughput side by side: GET /healthz (the server alone) against an authenticated
# GET /api/v1/clients/{id} (auth, database, JSON) on one `concord serve`, in one run, so the ratio
# is meaningful on a noisy machine. Prints requests/s of each and ratio=clients_rps/healthz_rps.
#
# Usage: bench/http.sh [path/to/concord]   (default build/release/src/app/concord)
# Env:   DURATION (wrk -d, default 10s), CONNECTIONS (default 64), WRK_THREADS (default 2)
set -euo pipefail

bin=${1:-build/release/src/app/concord}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}

die() { echo "http.sh: $*" >&2; exit 1; }
[[ -x $bin ]] || die "no concord binary at $bin (build it, or pass its path)"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || die "$tool is required"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/concord-bench-http.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/concord.db
"$bin" demo --db "$db" --size small >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; die "concord demo failed"; }
token=$("$bin" user token --db "$db" --email admin@concord.test 2>"$work/token.err" | tail -n 1 | tr -d '[:space:]') ||
  { cat "$work/token.err" >&2; die "concord user token failed"; }
[[ -n $token ]] || die "concord user token printed no token"

# A free port: bind port 0, read it back, release it (a race with other processes is possible but rare).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

# The access log goes to /dev/null: a file would grow by ~200 bytes per request and a pipe could block.
"$bin" serve --listen "127.0.0.1:$port" --db "$db" >"$work/serve.out" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.out" >&2; die "concord serve exited"; }
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null || die "concord serve did not answer /healthz on $base"

auth="Authorization: Bearer $token"
id=$(curl -fsS -H "$auth" "$base/api/v1/clients?limit=1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])') || die "cannot list clients"
curl -fsS -o /dev/null -H "$auth" "$base/api/v1/clients/$id" || die "GET /api/v1/clients/$id failed"

# Runs wrk and prints its Requests/sec; fails when any response was not 2xx/3xx.
rps() {
  local name=$1; shift
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$@")
  echo "--- $name" >&2
  echo "$out" >&2
  if grep -q "Non-2xx or 3xx responses" <<<"$out"; then die "$name: some responses were errors"; fi
  awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}

healthz_rps=$(rps healthz "$base/healthz")
clients_rps=$(rps "clients/{id}" -H "$auth" "$base/api/v1/clients/$id")

echo "healthz_rps=$healthz_rps"
echo "clients_rps=$clients_rps"
python3 -c "print(f'ratio={float($clients_rps) / float($healthz_rps):.3f}')"
