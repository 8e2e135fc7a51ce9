#!/usr/bin/env bash
# Install Debian's headless Chromium and its chromedriver for the dashboard's
# end-to-end test (tests/web/test_e2e.py). Idempotent: quick when present.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-core >/dev/null
