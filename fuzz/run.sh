#!/usr/bin/env bash
# Builds the parsers' libFuzzer targets (recon CSV and spec, the import CSV and .xlsx readers, call detail) with clang++-14 (-fsanitize=fuzzer,address) and runs each for
# SECONDS (default 30). Fails on a crash, an ASan report or a leak.
# Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-30}"
out="${FUZZ_BUILD:-$root/build/fuzz}"
mkdir -p "$out"
cxx="${CXX_FUZZ:-clang++-14}"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address -fno-omit-frame-pointer -I"$root/src"
       -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1 -Wall -Wextra)

"$cxx" "${flags[@]}" -o "$out/csv_fuzz" "$here/csv_fuzz.cpp" "$root/src/recon/csv.cpp"
"$cxx" "${flags[@]}" -o "$out/spec_fuzz" "$here/spec_fuzz.cpp" "$root/src/recon/spec.cpp" \
  "$root/src/recon/normalize.cpp" "$root/src/core/decimal.cpp" "$root/src/core/result.cpp" -ltomlplusplus

"$cxx" "${flags[@]}" -o "$out/io_csv_fuzz" "$here/io_csv_fuzz.cpp" "$root/src/io/csv.cpp" "$root/src/core/result.cpp"

"$cxx" "${flags[@]}" -o "$out/xlsx_fuzz" "$here/xlsx_fuzz.cpp" "$root/src/io/xlsx_reader.cpp" \
  "$root/src/io/xlsx_dates.cpp" "$root/src/core/date.cpp" "$root/src/core/result.cpp" -lzip -lexpat -lfmt

"$cxx" "${flags[@]}" -o "$out/call_detail_fuzz" "$here/call_detail_fuzz.cpp" "$root/src/wfm/call_detail.cpp" \
  "$root/src/io/csv.cpp" "$root/src/core/instant.cpp" "$root/src/core/date.cpp" "$root/src/core/result.cpp" -lfmt

for target in csv spec io_csv xlsx call_detail; do
  corpus="$out/corpus_$target"
  mkdir -p "$corpus"
  cp -n "$here/corpus/$target/"* "$corpus/" 2>/dev/null || true
  echo "fuzzing $target for ${seconds}s"
  "$out/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 -detect_leaks=1 \
    -print_final_stats=1 -artifact_prefix="$out/" "$corpus" 2>"$out/${target}.log" || { tail -40 "$out/${target}.log"; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" "$out/${target}.log" || true
done
echo "fuzz: no crash, no leak"
