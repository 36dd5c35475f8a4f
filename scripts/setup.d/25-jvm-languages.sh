# JVM script engines the Groovy and Jython tasks run (Script/Commands and Eval/FileTransform, see
# ../shared/design/ENVIRONMENT.md): Debian's groovy 2.4 and jython 2.7, and default-jre-headless, whose
# /usr/lib/jvm/default-java is where Debian's groovy launcher looks for Java. Idempotent.
# JBang and Nashorn (jjs) are not installable on these machines: their tests use fake-*-standin executables.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"

apt_need=()
command -v groovy >/dev/null || apt_need+=(groovy)
command -v jython >/dev/null || apt_need+=(jython)
[ -e /usr/lib/jvm/default-java ] || apt_need+=(default-jre-headless)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "25-jvm-languages: apt-get install ${apt_need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi
