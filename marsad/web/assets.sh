#!/usr/bin/env bash
# Install the dashboard's offline assets from npm (build time only; the page
# never loads anything from a CDN). Pinned by package-lock.json; copies the
# few files the page needs into static/vendor/ (git-ignored). Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
VENDOR=static/vendor
# node_modules path -> name in static/vendor/
FILES=(
    "d3/dist/d3.min.js:d3.min.js"
    "d3/LICENSE:LICENSE.d3"
    "topojson-client/dist/topojson-client.min.js:topojson-client.min.js"
    "topojson-client/LICENSE:LICENSE.topojson-client"
    "world-atlas/countries-50m.json:countries-50m.json"
    "world-atlas/LICENSE:LICENSE.world-atlas"
)
up_to_date() {
    [ -f "$VENDOR/.stamp" ] && [ "$VENDOR/.stamp" -nt package-lock.json ] || return 1
}
if up_to_date; then exit 0; fi
if ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
    else
        echo "assets.sh: npm not found; install Node.js and npm (Debian: apt-get install npm)" >&2
        exit 1
    fi
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
mkdir -p "$VENDOR"
for pair in "${FILES[@]}"; do
    cp "node_modules/${pair%%:*}" "$VENDOR/${pair##*:}"
done
touch "$VENDOR/.stamp"
ls "$VENDOR"
