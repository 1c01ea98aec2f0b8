#!/bin/sh
# The tests need Debian's Chromium (browser journeys; never a downloaded browser) and poppler-utils (pdftotext
# reads the PDFs the app writes). Install what is missing.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$missing for the tests…"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "The tests need:$missing (sudo apt-get install$missing; or set CHROMIUM_PATH)" >&2
exit 1
