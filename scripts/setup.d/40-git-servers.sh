# git and the servers the git Clone tests start on loopback (see ../shared/design/ENVIRONMENT.md):
# git (file://, git daemon, git http-backend), openssh-server and openssh-client (ssh://).
# Run by scripts/setup with ROOT and ENV_FILE. Idempotent: skipped when everything is present.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"
: "${ENV_FILE:?ENV_FILE must be set by scripts/setup}"

apt_need=()
command -v git >/dev/null || apt_need+=(git)
[ -x /usr/lib/git-core/git-http-backend ] || [ -x "$(git --exec-path 2>/dev/null)/git-http-backend" ] || apt_need+=(git)
[ -x /usr/sbin/sshd ] || apt_need+=(openssh-server)
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || apt_need+=(openssh-client)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "40-git-servers: apt-get install ${apt_need[*]}"
  apt-get update -qq >/dev/null
  # The package's postinst tries to start sshd through init scripts; there is no init here, and the
  # tests start their own sshd on a loopback port, so a policy-rc.d forbids any service start.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
  if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
fi
# sshd refuses to start without its privilege-separation directory.
mkdir -p /run/sshd
