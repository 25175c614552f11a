#!/usr/bin/env bash
# Whole-process timings of `hi` on the built-in data and on generated catalogs of 10, 100 and
# 1,000 times its size, each beside /bin/true measured in the same run; peak memory from
# /usr/bin/time; instruction counts from callgrind where valgrind is installed.
#
#   scripts/bench.sh            # prints a Markdown report; also saved to target/bench/report.md
#
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop of 50 runs.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin hi --example gen-catalog
hi=target/release/hi
gen=target/release/examples/gen-catalog
out=target/bench
mkdir -p "$out"
# A Rust hello-world, for scale: what any Rust program costs to start here.
echo 'fn main() { println!("hello"); }' > "$out/hello.rs"
rustc -O -o "$out/hello" "$out/hello.rs"
for scale in 10 100 1000; do
  [ -f "$out/x$scale/roles.toml" ] || "$gen" --scale "$scale" "$out/x$scale" 2>/dev/null
done
# The size the performance targets name: 1,000 certifications, 1,000 roles, 5,000 skills.
[ -f "$out/target-size/roles.toml" ] ||
  "$gen" --scale 1 --certifications 1000 --roles 1000 --skills 5000 "$out/target-size" 2>/dev/null

commands=(
  "roles"
  "certs cphims --json"
  "compare cahims cphims"
  "search hipaa"
  "eligible --education bachelor --experience-years 5 --healthcare-years 3"
)

# Mean wall time of a command in milliseconds, three decimals.
mean_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --min-runs 50 --export-json "$out/run.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$out/run.json"
  else
    local start end
    start=$(date +%s%N)
    for _ in $(seq 50); do $1 >/dev/null; done
    end=$(date +%s%N)
    python3 -c "print('%.3f' % (($end - $start) / 50 / 1e6))"
  fi
}

peak_kib() { /usr/bin/time -f %M $1 2>&1 >/dev/null | tail -1; }

{
  echo "Machine: $(nproc) cores, $(python3 -c 'import platform; print(platform.processor() or platform.machine())'), $(uname -sr); $(date -u +%Y-%m-%d)."
  echo "Timer: $(command -v hyperfine >/dev/null && hyperfine --version || echo 'shell loop, 50 runs')."
  echo
  for data in builtin target-size x10 x100 x1000; do
    if [ "$data" = builtin ]; then flag=""; else flag="--data-dir $out/$data"; fi
    floor=$(mean_ms /bin/true)
    echo "### Data: $data"
    [ "$data" = builtin ] || echo "($(grep -c '^\[\[certification\]\]' "$out/$data/certifications.toml") certifications, $(grep -c '^\[\[role\]\]' "$out/$data/roles.toml") roles, $(grep -c '^\[\[skill\]\]' "$out/$data/skills.toml") skills)"
    echo
    echo "| command | mean ms | × /bin/true ($floor ms) | peak MiB |"
    echo "|---|---:|---:|---:|"
    if [ "$data" = builtin ]; then
      ms=$(mean_ms "$out/hello")
      python3 -c "print('| a Rust hello-world | $ms | %.2f | %.1f |' % ($ms / $floor, $(peak_kib "$out/hello") / 1024))"
    fi
    for cmd in "${commands[@]}"; do
      ms=$(mean_ms "$hi $flag $cmd")
      kib=$(peak_kib "$hi $flag $cmd")
      python3 -c "print('| \`hi $cmd\` | $ms | %.2f | %.1f |' % ($ms / $floor, $kib / 1024))"
    done
    echo
  done
  if command -v valgrind >/dev/null; then
    echo "### Instructions (callgrind), built-in data"
    echo
    echo "| command | instructions |"
    echo "|---|---:|"
    for cmd in "--version" "certs cphims --json" "roles" "search hipaa"; do
      n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $hi $cmd 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
      echo "| \`hi $cmd\` | $n |"
    done
  fi
} | tee "$out/report.md"
