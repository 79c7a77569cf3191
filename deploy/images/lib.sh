# Shared by deploy/images/build and deploy/images/smoke (sourced, not run).
# shellcheck shell=bash

IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$IMAGES_DIR/../.." && pwd)"
OUT="${LEDGER_IMAGES_OUT:-$ROOT/target/images}"
REGISTRY_PORT="${LEDGER_IMAGES_REGISTRY_PORT:-5000}"
REGISTRY="127.0.0.1:$REGISTRY_PORT"
GROUP=conflict-ledger
BASE_NAME="$GROUP/base-jre17"
BASE_TAG=17-bookworm
MODULES=(actors-service events-service agreements-service gateway)

STEP_STARTED=$SECONDS
say() { printf '\033[1m%s\033[0m\n' "$*"; }
step() { STEP_STARTED=$SECONDS; say "== $*"; }
done_step() { printf '   done in %d s%s\n' "$((SECONDS - STEP_STARTED))" "${1:+: $1}"; }
fail() { printf 'images: %s\n' "$*" >&2; exit 1; }

# The commands a step needs, installed from Debian with apt-get when missing (CI machines start clean).
need() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    command -v "$cmd" >/dev/null || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || fail "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root"
  say "   installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$OUT/apt-get.log" 2>&1 || {
    apt-get update -q >>"$OUT/apt-get.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$OUT/apt-get.log" 2>&1
  } || { tail -n 20 "$OUT/apt-get.log" >&2; fail "apt-get install ${missing[*]} failed; see $OUT/apt-get.log"; }
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" 2>/dev/null || true; }

# The loopback registry (Debian's docker-registry), storage under target/images/registry; left running
# only while a script that started it runs.
REGISTRY_PID=""
start_registry() {
  if [[ "$(http_status "http://$REGISTRY/v2/")" == 200 ]]; then
    say "   a registry already answers on $REGISTRY; using it"
    return 0
  fi
  need docker-registry:docker-registry
  mkdir -p "$OUT/registry/data"
  cat >"$OUT/registry/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $OUT/registry/data
  delete:
    enabled: true
http:
  addr: $REGISTRY
YAML
  docker-registry serve "$OUT/registry/config.yml" >"$OUT/registry/registry.log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 50); do
    [[ "$(http_status "http://$REGISTRY/v2/")" == 200 ]] && return 0
    kill -0 "$REGISTRY_PID" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 20 "$OUT/registry/registry.log" >&2
  fail "the registry did not start on $REGISTRY (log: $OUT/registry/registry.log; LEDGER_IMAGES_REGISTRY_PORT picks another port)"
}
stop_registry() {
  if [[ -n "$REGISTRY_PID" ]]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=""
  fi
}
