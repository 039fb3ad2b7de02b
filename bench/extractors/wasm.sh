#!/usr/bin/env bash
# Builds wasm-probe once per feature for wasm32-unknown-unknown (profile "wasm": opt-level z,
# fat LTO, panic abort), records raw and gzip -9 sizes, and runs each probe once in Node.
# Writes target/results/wasm.json. Usage: bash wasm.sh [feature ...]
set -u
cd "$(dirname "$0")"
features=("$@")
if [ ${#features[@]} -eq 0 ]; then
  features=(scraper-parse engine-html engine-read dom_smoothie readabilityrs legible libreadability
    readability-rust readability readability-rs llm_readability article-extractor trafilatura
    rs-trafilatura htmldate-rs article-date-extractor)
fi
mkdir -p target/results target/wasm
out=target/results/wasm.json
echo "[" > "$out"
first=1
for f in "${features[@]}"; do
  log=target/wasm/$f.log
  if cargo build -p wasm-probe --target wasm32-unknown-unknown --profile wasm \
      --no-default-features --features "$f" > "$log" 2>&1; then
    cp target/wasm32-unknown-unknown/wasm/wasm_probe.wasm "target/wasm/$f.wasm"
    raw=$(stat -c %s "target/wasm/$f.wasm")
    gz=$(gzip -9 -c "target/wasm/$f.wasm" | wc -c)
    run=$(node wasm-run.mjs "target/wasm/$f.wasm" sample.html)
    crates=$(cargo tree -p wasm-probe --target wasm32-unknown-unknown --no-default-features \
      --features "$f" -e normal --prefix none 2>/dev/null | sed 's/ (\*)//' | sort -u | wc -l)
    entry=$(printf '{"probe":"%s","builds":true,"raw":%s,"gzip":%s,"crates":%s,%s' "$f" "$raw" "$gz" "$crates" "${run#\{}")
  else
    why=$(grep -m1 -E '^error' "$log" | sed 's/"/\\"/g' | cut -c1-200)
    entry=$(printf '{"probe":"%s","builds":false,"error":"%s"}' "$f" "$why")
  fi
  [ $first -eq 1 ] || echo "," >> "$out"
  first=0
  echo "$entry" >> "$out"
  echo "$entry" >&2
done
echo "]" >> "$out"
