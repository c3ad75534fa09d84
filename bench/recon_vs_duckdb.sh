#!/usr/bin/env bash
# Side-by-side: concord reconcile vs DuckDB (npm @duckdb/node-api) on the same generated files.
# Checks both classify identically (counts per class and the set of mismatched keys), then prints
# ratio=duckdb_s/concord_s and concord's peak RSS as a multiple of the input size.
#
# Usage: bench/recon_vs_duckdb.sh [N ...]          (default: 1000000 10000000)
# Env:   CONCORD_BUILD  build folder holding src/recon/concord-reconcile (default build/recon)
#        BENCH_DIR      where the CSVs go (default /tmp/concord-recon-bench; 10M rows need ~4.5 GB)
#        THREADS        threads for both engines (default 2)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${CONCORD_BUILD:-$root/build/recon}"
work="${BENCH_DIR:-/tmp/concord-recon-bench}"
threads="${THREADS:-2}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)

concord="$build/src/recon/concord-reconcile"
gen="$build/bench/gen_recon"
for exe in "$concord" "$gen"; do
  if [ ! -x "$exe" ]; then
    echo "missing $exe: ninja -C $build concord-reconcile gen_recon" >&2
    exit 2
  fi
done
# npm ci refuses this lock file (npm leaves the other platforms' optional DuckDB bindings out of it), so install.
[ -d "$here/node_modules/@duckdb/node-api" ] || npm install --prefix "$here" --no-audit --no-fund >/dev/null
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time) for peak RSS" >&2; exit 2; }
mkdir -p "$work"

status=0
for n in "${sizes[@]}"; do
  left="$work/left_$n.csv"
  right="$work/right_$n.csv"
  [ -s "$left" ] && [ -s "$right" ] || "$gen" "$n" "$left" "$right"
  input_bytes=$(( $(stat -c %s "$left") + $(stat -c %s "$right") ))
  # Drop nothing from the page cache: both engines read warm files (they are read once by the
  # generator or a previous run).
  out="$work/concord_$n.json"
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/time_$n.txt" \
    "$concord" --spec "$here/recon_spec.toml" --left "$left" --right "$right" --out "$out" --threads "$threads"
  t1=$(date +%s.%N)
  concord_s=$(echo "$t1 - $t0" | bc -l)
  read -r rss_kb concord_user concord_sys < "$work/time_$n.txt"
  concord_json=$(node "$here/recon_keys.mjs" "$out" "$work/concord_keys_$n.txt")
  duck_json=$(node "$here/recon_duckdb.mjs" "$left" "$right" "$threads" "$work/duckdb_keys_$n.txt")
  same=$(node -e '
    const c = JSON.parse(process.argv[1]), d = JSON.parse(process.argv[2]);
    const names = ["matched","mismatched","only_left","only_right","duplicate_keys","duplicate_left_rows","duplicate_right_rows"];
    const bad = names.filter((k) => c[k] !== d[k]);
    console.log(bad.length ? "counts differ: " + bad.map((k) => `${k} concord=${c[k]} duckdb=${d[k]}`).join(", ") : "counts equal");
  ' "$concord_json" "$duck_json")
  if cmp -s "$work/concord_keys_$n.txt" "$work/duckdb_keys_$n.txt"; then keys="mismatched keys equal"; else keys="MISMATCHED KEYS DIFFER"; status=1; fi
  [ "$same" = "counts equal" ] || status=1
  duck_s=$(node -e 'console.log(JSON.parse(process.argv[1]).seconds)' "$duck_json")
  echo "N=$n input=$((input_bytes / 1048576))MiB concord_s=$(printf %.2f "$concord_s") (cpu $(echo "$concord_user + $concord_sys" | bc -l)s) duckdb_s=$(printf %.2f "$duck_s")"
  echo "  concord: $concord_json"
  echo "  duckdb:  $duck_json"
  echo "  $same; $keys"
  echo "  ratio=$(echo "$duck_s / $concord_s" | bc -l | xargs printf %.2f) peak_rss=$((rss_kb / 1024))MiB rss_over_input=$(echo "$rss_kb * 1024 / $input_bytes" | bc -l | xargs printf %.2f)"
done
exit $status
