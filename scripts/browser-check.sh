#!/usr/bin/env bash
# The pages in a real browser: writes the site of the built-in catalog and two persons'
# reports, then has Debian's chromium (installed when absent) open each at 1280 and 390 pixels,
# with JavaScript on and off, failing on any console error or failed request, and print each
# report to PDF (two pages or fewer on letter and A4). Screenshots and PDFs land in
# target/browser-check/ (or $1).
#
# Needs: the Rust toolchain, Node 20 or later with npm, and apt-get (as root) for what is
# missing: chromium and poppler-utils (pdfinfo).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-target/browser-check}")"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "browser check: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
(cd scripts/browser && npm ci --no-audit --no-fund --silent)

cargo build --quiet --locked
hi="$PWD/target/debug/hi"
rm -rf "$out" && mkdir -p "$out"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# A fixed day, so that ages and cycles read the same on every run.
export HI_TODAY=2026-11-27 HI_PROFILE="$home/none.toml"
unset HI_DATA_DIR

"$hi" site "$out/site" >/dev/null
"$hi" report --html "$out/report-rn.html" --education bachelor --field nursing --rn \
    --experience-years 4 --role clinical-informaticist >/dev/null

# An RHIA and CPHIMS holder with a CE log, as in the README's tour.
export HI_PROFILE="$home/holder.toml"
"$hi" profile set --education bachelor --field him --cahiim --experience-years 6 \
    --healthcare-years 4 2>/dev/null
"$hi" profile add rhia --earned 2025-06-15 2>/dev/null
"$hi" profile add cphims --earned 2025-03-15 2>/dev/null
"$hi" ce add --date 2026-01-10 --hours 1.5 --title 'Privacy update webinar' --from ahima 2>/dev/null
"$hi" ce add --date 2026-02-20 --hours 6 --title 'HIMSS chapter day' --from himss --ethics 2>/dev/null
"$hi" ce add --date 2026-05-01 --hours 12.25 --title 'Coding clinic course' --from ahima \
    --cert rhia 2>/dev/null
"$hi" report --html "$out/report-holder.html" --role consultant >/dev/null

node scripts/browser/check.mjs "$out"
