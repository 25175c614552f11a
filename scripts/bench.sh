#!/usr/bin/env bash
# Whole-process measures of `hi` (and of the static build from scripts/build-static.sh), each
# beside /bin/true and a Rust hello-world measured in the same run: mean wall time (hyperfine),
# peak memory (/usr/bin/time), and instructions (callgrind, which counts the same on a busy
# machine). On the built-in data, then on generated catalogs: the target size (1,000
# certifications, 1,000 roles, 5,000 skills) and 10 and 100 times the shipped data (1,000 times
# makes files over the 32 MiB a data file may take). Each catalog is measured three ways:
# parsed on every run (HI_CACHE=off, as before the cache), a first run that parses and writes
# the compiled cache (the cache removed before each run), and a run from the cache.
#
#   scripts/bench.sh            # prints a Markdown report; also saved to target/bench/report.md
#
# Needs hyperfine (apt-get install hyperfine) for wall times, valgrind for instructions.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin hi --example gen-catalog
hi=target/release/hi
static_hi=$(scripts/build-static.sh)
gen=target/release/examples/gen-catalog
out=target/bench
mkdir -p "$out"
# A Rust hello-world, for scale: what any Rust program costs to start here.
echo 'fn main() { println!("hello"); }' > "$out/hello.rs"
rustc -C opt-level=3 -o "$out/hello" "$out/hello.rs"
# Regenerated each run: the shipped data changes.
rm -rf "$out/x10" "$out/x100" "$out/x1000" "$out/target-size"
for scale in 10 100; do
  "$gen" --scale "$scale" "$out/x$scale" 2>/dev/null
done
"$gen" --scale 1 --certifications 1000 --roles 1000 --skills 5000 "$out/target-size" 2>/dev/null
# hi caches only files that have been still for two seconds (a file changed within its file
# system's clock tick could change again unseen): the generated ones are dated a minute back.
touch -d '1 minute ago' "$out"/{x10,x100,target-size}/*.toml
# The cache of the generated catalogs, apart from the person's own.
cache="$PWD/$out/cache"
rm -rf "$cache"
export XDG_CACHE_HOME="$cache"

commands=(
  "roles"
  "certs cphims --json"
  "compare cahims cphims"
  "search hipaa"
  "eligible --education bachelor --experience-years 5 --healthcare-years 3"
  "path medical-coder him-director"
)
# A fixed day and no profile: every run does the same work.
export HI_TODAY=2026-11-27 HI_PROFILE=/nonexistent/profile.toml

# Mean wall time of a command in milliseconds, three decimals; hyperfine's own options may
# follow the command, in place of the default runs.
mean_ms() {
  local cmd=$1
  shift
  [ $# -gt 0 ] || set -- --warmup 20 --min-runs 200
  hyperfine -N "$@" --export-json "$out/run.json" "$cmd" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$out/run.json"
}

peak_kib() { /usr/bin/time -f %M $1 2>&1 >/dev/null | tail -1; }

instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null $1 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }

# A number with thousands separators.
thousands() { python3 -c "print('{:,}'.format($1))"; }

{
  echo "Machine: $(nproc) cores, $(uname -m), $(uname -sr); $(date -u +%Y-%m-%d)."
  echo "Timer: $(hyperfine --version); instructions: $(valgrind --version) (callgrind)."
  echo
  echo "### Built-in data"
  echo
  true_ms=$(mean_ms /bin/true)
  hello_ms=$(mean_ms "$out/hello")
  echo "| command | instructions | mean ms | × /bin/true ($true_ms ms) | × hello-world ($hello_ms ms) | peak MiB |"
  echo "|---|---:|---:|---:|---:|---:|"
  row() {
    local label=$1 cmd=$2 ms
    ms=$(mean_ms "$cmd")
    python3 -c "print('| $label | %s | $ms | %.2f | %.2f | %.1f |' % ('{:,}'.format($(instructions "$cmd")), $ms / $true_ms, $ms / $hello_ms, $(peak_kib "$cmd") / 1024))"
  }
  row "/bin/true" /bin/true
  row "a Rust hello-world" "$out/hello"
  row "\`hi --version\`" "$hi --version"
  for cmd in "${commands[@]}"; do
    row "\`hi $cmd\`" "$hi $cmd"
  done
  row "\`hi --version\`, static build" "$static_hi --version"
  row "\`hi certs cphims --json\`, static build" "$static_hi certs cphims --json"
  echo
  for data in target-size x10 x100; do
    certs=$(grep -c '^\[\[certification\]\]' "$out/$data/certifications.toml")
    roles=$(grep -c '^\[\[role\]\]' "$out/$data/roles.toml")
    skills=$(grep -c '^\[\[skill\]\]' "$out/$data/skills.toml")
    size=$(du -sk "$out/$data" | cut -f1)
    case $data in
      target-size) title="The target size, from \`--data-dir\`" ;;
      x*) title="${data#x} × the shipped data, from \`--data-dir\`" ;;
    esac
    echo "### $title"
    echo
    echo "$certs certifications, $roles roles, $skills skills; $((size / 1024)) MiB of TOML."
    echo
    echo "| command | | instructions | mean ms | × parsed | peak MiB |"
    echo "|---|---|---:|---:|---:|---:|"
    for cmd in "${commands[@]}"; do
      run="$hi --data-dir $out/$data $cmd"
      parsed_ms=$(HI_CACHE=off mean_ms "$run" --warmup 3 --min-runs 30)
      echo "| \`hi $cmd\` | parsed (HI_CACHE=off) | $(thousands "$(HI_CACHE=off instructions "$run")") | $parsed_ms | 1.00 | $(python3 -c "print('%.1f' % ($(HI_CACHE=off peak_kib "$run") / 1024))") |"
      rm -rf "$cache"
      cold_ins=$(instructions "$run")
      cold_ms=$(mean_ms "$run" --prepare "rm -rf $cache" --min-runs 30)
      rm -rf "$cache"
      cold_kib=$(peak_kib "$run")
      echo "| | first run, writes the cache | $(thousands "$cold_ins") | $cold_ms | $(python3 -c "print('%.2f' % ($cold_ms / $parsed_ms))") | $(python3 -c "print('%.1f' % ($cold_kib / 1024))") |"
      warm_ms=$(mean_ms "$run")
      echo "| | from the cache | $(thousands "$(instructions "$run")") | $warm_ms | $(python3 -c "print('%.2f' % ($warm_ms / $parsed_ms))") | $(python3 -c "print('%.1f' % ($(peak_kib "$run") / 1024))") |"
    done
    echo
  done
} | tee "$out/report.md"
