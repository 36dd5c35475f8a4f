# PostgreSQL 15 for the PostgreSQL backend's tests (tests/Harrier.Persistence.Postgres.Tests), which start their own
# throwaway cluster (initdb into a temp folder, pg_ctl on a free 127.0.0.1 port) as the `postgres` OS user; nothing is
# started here. Debian's package would also create and start a system cluster through its init scripts: there is no
# init here, and the tests need none, so a policy-rc.d forbids any service start during the install.
# Run by scripts/setup with ROOT and ENV_FILE. Idempotent: skipped when initdb and pg_ctl are present.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"
: "${ENV_FILE:?ENV_FILE must be set by scripts/setup}"

bin=/usr/lib/postgresql/15/bin
if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && id postgres >/dev/null 2>&1; then
  exit 0
fi

echo "45-postgresql: apt-get install postgresql"
apt-get update -qq >/dev/null
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
[ -x "$bin/initdb" ] || { echo "45-postgresql: $bin/initdb is missing after the install" >&2; exit 1; }
