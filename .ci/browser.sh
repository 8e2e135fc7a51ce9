#!/usr/bin/env bash
# Install Debian's headless Chromium, its chromedriver and Arabic-capable fonts
# for the dashboard's end-to-end test (tests/web/test_e2e.py). Idempotent:
# returns at once when everything is present.
set -euo pipefail
PACKAGES=(chromium chromium-driver fonts-noto-core)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
