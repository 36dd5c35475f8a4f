# Debian's Chromium, the browser the UI tests (tests/Harrier.Ui.Tests) drive through Microsoft.Playwright with
# ExecutablePath=/usr/bin/chromium: no test tool may download a browser of its own (none can here). The front end
# itself (ui/) is built by npm from src/Harrier.Server's MSBuild target, so every build of the server has it.
# Run by scripts/setup with ROOT and ENV_FILE. Idempotent: skipped when everything is present.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"
: "${ENV_FILE:?ENV_FILE must be set by scripts/setup}"

apt_need=()
[ -x /usr/bin/chromium ] || apt_need+=(chromium)
# Fonts, so that screenshots show text rather than boxes (chromium pulls only a minimal set).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_need+=(fonts-dejavu-core)
command -v npm >/dev/null || apt_need+=(npm)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "50-chromium: apt-get install ${apt_need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi
