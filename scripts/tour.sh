#!/usr/bin/env bash
# Prints the README's tour: each command run with the release binary at 100 columns on a fixed
# day, its output pasted under it. The profile session runs in a temporary folder.
#
#   scripts/tour.sh > target/tour.md     # then paste into README.md
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin hi
bin=$PWD/target/release/hi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HI_TODAY=2026-11-27 COLUMNS=100 NO_COLOR=1 HI_PROFILE=profile.toml
unset HI_DATA_DIR
hi() { "$bin" "$@"; }

show() {
  echo '```console'
  echo "\$ $1"
  (cd "$work" && eval "$1") 2>&1 || true
  echo '```'
  echo
}

echo "The roles, their level on a career ladder, where each leads and the credentials that fit it:"; echo
show "hi roles --format table"
echo "The way up from a role to another, each move with what it asks and who says so:"; echo
show "hi path medical-coder him-director --education associate --experience-years 4 --credential ccs --format table"
echo "The credentials of one track, with when each fee was observed and who says so:"; echo
show "hi certs --track coding --format table"
echo "The comparison the tool is known for, with fees of the same year:"; echo
show "hi compare cahims cphims --format table"
echo "Holding RHIA and CHDA at once: AHIMA renews both in one cycle:"; echo
show "hi cost rhia chda --years 5 --together --format table"
echo "Who may sit what, from a profile given as flags:"; echo
show "hi eligible --education bachelor --field him --cahiim --experience-years 4 --healthcare-years 3 --fields id,status,first_reason --format markdown | head -12"
echo "A person holding RHIA and CPHIMS keeps one log for both:"; echo
show "hi profile add rhia --earned 2025-06-15 && hi profile add cphims --earned 2025-03-15"
echo "Each activity is logged as its certificate states it, with the certificate kept as proof:"; echo
printf 'certificate of attendance\n' > "$work/privacy.pdf"
show "hi ce add --date 2026-01-10 --minutes 90 --title 'Privacy update webinar' --from ahima --category hiim --proof privacy.pdf"
show "hi ce add --date 2026-02-20 --hours 6 --title 'HIMSS chapter day' --from himss --ethics --category hiim --category seminar"
show "hi ce add --date 2026-05-01 --hours 12.25 --title 'Coding clinic course' --from ahima --cert rhia --category hiim"
show "hi ce add --date 2026-09-01 --credits 1 --title 'Health IT course' --cert cphims --category academic"
echo "Each issuer credits it by its own rules: AHIMA counts whole CEUs (90 minutes earn 1), HIMSS"
echo "counts hours and 5 for an academic credit:"; echo
show "hi ce list"
show "hi status --format table"
show "hi status --check; echo \"exit \$?\""
echo "For an auditor, one cycle's log with copies of its certificates:"; echo
show "hi ce export --cert rhia audit && cat audit/summary.txt"
echo "In scripts:"; echo
show "hi status --json | jq -c '.[] | {id, remaining_hours, hours_per_month_needed, on_pace}'"
show "hi certs --json | jq length"
show "hi certs --track coding --format csv --fields id,member,non-member,fees_source_kind,fees_stale"
show "hi about --json | jq .figures"
