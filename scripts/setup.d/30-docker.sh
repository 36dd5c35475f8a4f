# The Docker engine and the local test image the Docker runner tests use (see
# ../shared/design/ENVIRONMENT.md). Run by scripts/setup with ROOT (the repository) and ENV_FILE.
# Idempotent: installs only what is missing, starts dockerd only when its socket does not answer,
# builds harrier-test/busybox:1 only when `docker image inspect` does not find it. Nothing is pulled:
# these machines cannot reach a registry.
set -euo pipefail
: "${ROOT:?ROOT must be set by scripts/setup}"
: "${ENV_FILE:?ENV_FILE must be set by scripts/setup}"

socket=/var/run/docker.sock
image=harrier-test/busybox:1
tools="$ROOT/.tools"
mkdir -p "$tools"

apt_need=()
command -v dockerd >/dev/null || apt_need+=(docker.io)
[ -x /bin/busybox ] || command -v busybox >/dev/null || apt_need+=(busybox-static)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "30-docker: apt-get install ${apt_need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# A dockerd killed hard (as a stopped session's processes are) leaves its pid files behind, and dockerd
# refuses to start while they name a process that still exists — a zombie counts. Remove only stale ones.
clear_stale_pid_file() {
  local file="$1" pid state
  [ -f "$file" ] || return 0
  pid="$(cat "$file" 2>/dev/null || true)"
  state="$( [ -n "$pid" ] && ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  if [ -z "$state" ] || [ "${state#Z}" != "$state" ]; then
    echo "30-docker: removing stale $file (process ${pid:-?} is gone)"
    rm -f "$file"
  fi
}

if ! engine_answers; then
  clear_stale_pid_file /var/run/docker.pid
  clear_stale_pid_file /var/run/docker/containerd/containerd.pid
  # No systemd here: dockerd runs in the background, detached from this shell, logging under .tools.
  # We record its PID so that only the process we started is ever stopped (kill "$(cat .tools/dockerd.pid)").
  echo "30-docker: starting dockerd (log: $tools/dockerd.log)"
  setsid dockerd --host "unix://$socket" >"$tools/dockerd.log" 2>&1 < /dev/null &
  echo $! > "$tools/dockerd.pid"
  for _ in $(seq 1 150); do
    engine_answers && break
    sleep 0.2
  done
  if ! engine_answers; then
    echo "30-docker: dockerd did not answer on $socket within 30 s; see $tools/dockerd.log" >&2
    tail -n 20 "$tools/dockerd.log" >&2 || true
    exit 1
  fi
fi

if ! docker image inspect "$image" >/dev/null 2>&1; then
  echo "30-docker: building $image from busybox-static"
  busybox="$(command -v busybox || echo /bin/busybox)"
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/root"
  chmod 1777 "$rootfs/tmp"
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in sh ash echo cat ls true false env id sleep mkdir cp mv printf seq head tail wc rm touch \
      chown chmod grep sed tr dd yes kill ps pwd stat find test date uname hostname; do
    ln -sf busybox "$rootfs/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
  echo 'nobody:x:65534:65534:nobody:/tmp:/bin/sh' >> "$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  tar -C "$rootfs" -cf "$rootfs.tar" .
  docker import --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]' "$rootfs.tar" "$image" >/dev/null
  rm -f "$rootfs.tar"
fi
