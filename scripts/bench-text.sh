#!/usr/bin/env bash
# Whether text output stays linear in the size of the data: `hi sources` as plain text against
# the number of cited sources, `hi certs ID` for a record citing every source, and `hi roles ID`,
# `hi gap` and `hi plan` for a role needing every skill, each at three sizes that double. A
# linear path takes about twice as long at each step; a quadratic one four times.
#
#   scripts/bench-text.sh       # prints a Markdown table; also saved to target/bench/text.md
#
# Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin hi --example gen-catalog
hi=$PWD/target/release/hi
gen=target/release/examples/gen-catalog
out=target/bench/text
rm -rf "$out"
mkdir -p "$out"
# A private cache, warmed before timing: what is measured is the command, not parsing TOML.
export HI_TODAY=2026-11-27 HI_PROFILE=/nonexistent/profile.toml XDG_CACHE_HOME="$PWD/$out/cache"

# A catalog at `scale` times the shipped data, with one certification citing a seventh of the
# sources (a record may take 256 KiB) and one role needing every skill.
make_catalog() {
  local dir=$1 scale=$2
  "$gen" --scale "$scale" "$dir" 2>/dev/null
  python3 - "$dir" <<'PY'
import re, sys
d = sys.argv[1]
sources = re.findall(r'^id = "([^"]+)"', open(f"{d}/sources.toml").read(), re.M)
skills = re.findall(r'^id = "([^"]+)"', open(f"{d}/skills.toml").read(), re.M)
quote = lambda ids: "[" + ", ".join(f'"{i}"' for i in ids) + "]"
with open(f"{d}/certifications.toml", "a") as f:
    f.write(f'''
[[certification]]
id = "cites-all"
name = "CITES-ALL"
full_name = "A credential citing many sources"
issuer = "himss"
level = "entry"
tracks = ["informatics"]
description = "Made by scripts/bench-text.sh."
sources = {quote(sources[:len(sources) // 7])}
''')
with open(f"{d}/roles.toml", "a") as f:
    f.write(f'''
[[role]]
id = "needs-all"
name = "A role needing every skill"
level = "mid"
description = "Made by scripts/bench-text.sh."
skills = {quote(skills)}
employers = []
certifications = ["cphims"]
education = "any"
sources = ["{sources[0]}"]
''')
print(len(sources), len(sources) // 7, len(skills))
PY
}

mean_ms() {
  hyperfine -N --warmup 2 --min-runs 5 --export-json "$out/run.json" "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$out/run.json"
}

{
  echo "Machine: $(nproc) cores, $(uname -m); $(date -u +%Y-%m-%d); commit $(git rev-parse --short HEAD)."
  echo
  echo "| scale | sources | cited by one | skills | sources --format plain | certs cites-all | roles needs-all | gap --role needs-all | plan --role needs-all | decode all (about) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  # 10,000, 20,000 and 40,000 sources, as the issue of these paths measured them.
  for scale in 40 80 160; do
    dir="$out/x$scale"
    read -r nsources ncited nskills < <(make_catalog "$dir" "$scale")
    # The cache skips files changed in the last seconds: age them, then warm it.
    touch -d '1 minute ago' "$dir"/*.toml
    "$hi" --data-dir "$dir" about >/dev/null
    row="| $scale | $nsources | $ncited | $nskills"
    for args in "sources --format plain" "certs cites-all --format plain" "roles needs-all --format plain" \
                "gap --role needs-all --format plain" "plan --role needs-all --format plain" "about --format plain"; do
      row+=" | $(mean_ms "$hi --data-dir $dir $args") ms"
    done
    echo "$row |"
  done
} | tee "$out/../text.md"
