#!/usr/bin/env bash
# Renders the SparkScheduler HTML report in headless Chromium and checks the screenshot is a real picture.
# Usage: screenshot-report.sh <report.html> <out.png>
# Exits 0 when the PNG exists and is larger than a blank page would be; 1 with a reason otherwise; 3 when Chromium is
# missing (install it with: apt-get update && apt-get install -y chromium).
set -uo pipefail

report=${1:?usage: screenshot-report.sh <report.html> <out.png>}
out=${2:?usage: screenshot-report.sh <report.html> <out.png>}
min_bytes=${MIN_SCREENSHOT_BYTES:-20000}

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "chromium is not installed: apt-get update && apt-get install -y chromium" >&2
  exit 3
fi
if [[ ! -s $report ]]; then
  echo "no report at $report" >&2
  exit 1
fi

# A file:// URI with every byte outside the unreserved set percent-encoded, so spaces, '#', '?' and '%' in the path
# reach Chromium as part of the path.
file_uri() {
  local path=$1 uri="file://" c i
  local LC_ALL=C
  for ((i = 0; i < ${#path}; i++)); do
    c=${path:i:1}
    case $c in
      [A-Za-z0-9/._~-]) uri+=$c ;;
      *) printf -v c '%%%02X' "'$c"; uri+=$c ;;
    esac
  done
  printf '%s' "$uri"
}

rm -f "$out"
# A throwaway profile, so parallel runs and a root user without a home profile both work.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --disable-dev-shm-usage: containers often give /dev/shm only 64 MB, too little for Chromium's renderer.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
  --user-data-dir="$profile" --window-size=1280,2600 --screenshot="$out" -- "$(file_uri "$(realpath "$report")")" >/dev/null 2>&1

if [[ ! -s $out ]]; then
  echo "chromium wrote no screenshot to $out" >&2
  exit 1
fi
size=$(stat -c %s "$out")
if ((size < min_bytes)); then
  echo "the screenshot is only $size bytes (under $min_bytes): the page rendered (nearly) blank" >&2
  exit 1
fi
echo "screenshot $out: $size bytes"
