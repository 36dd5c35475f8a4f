# Interpreters the script-task tests run for real (see ../shared/design/ENVIRONMENT.md).
# Run by scripts/setup with ROOT (the repository) and ENV_FILE (sourced before tests). Idempotent:
# every step is skipped when its component is already present. Julia is not installable here.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"
: "${ENV_FILE:?ENV_FILE must be set by scripts/setup}"

apt_need=()
command -v ruby >/dev/null || apt_need+=(ruby)
command -v Rscript >/dev/null || apt_need+=(r-base-core)
command -v php >/dev/null || apt_need+=(php-cli)
command -v lua5.4 >/dev/null || apt_need+=(lua5.4)
command -v go >/dev/null || [ -x /usr/lib/go/bin/go ] || apt_need+=(golang)
command -v perl >/dev/null || apt_need+=(perl)
command -v python3 >/dev/null || apt_need+=(python3)
command -v node >/dev/null || apt_need+=(nodejs)
command -v npm >/dev/null || apt_need+=(npm)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "20-languages: apt-get install ${apt_need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi
# Debian's lua5.4 package names its binary lua5.4; Kestra's command is plain `lua`.
mkdir -p "$ROOT/.tools/bin"
if ! command -v lua >/dev/null && command -v lua5.4 >/dev/null; then
  ln -sf "$(command -v lua5.4)" "$ROOT/.tools/bin/lua"
fi

pwsh_dir="$ROOT/.tools/pwsh"
if [ ! -x "$pwsh_dir/pwsh" ]; then
  echo "20-languages: dotnet tool install PowerShell 7.6.9"
  dotnet tool install --tool-path "$pwsh_dir" PowerShell --version 7.6.9 >/dev/null
fi

npm_dir="$ROOT/.tools/npm"
if [ ! -x "$npm_dir/node_modules/.bin/deno" ] || [ ! -x "$npm_dir/node_modules/.bin/bun" ]; then
  echo "20-languages: npm install deno bun"
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" deno bun >/dev/null
fi

echo "export PATH=\"$ROOT/.tools/bin:$pwsh_dir:$npm_dir/node_modules/.bin:\$PATH\"" >> "$ENV_FILE"
# pwsh and deno/bun need no telemetry or update checks on a machine without network.
echo "export POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off DOTNET_CLI_TELEMETRY_OPTOUT=1" >> "$ENV_FILE"
