# Shared by the benchmark scripts: messages, port checks, and stopping what they started on exit.
# shellcheck shell=bash

say() { printf '%s\n' "$*"; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# require_free_ports NAME PORT...: exits when one is taken (dev/run or another benchmark is running).
require_free_ports() {
  local name=$1
  shift
  for port in "$@"; do
    if port_taken "$port"; then
      say "$name: port $port is taken (is dev/run running?); stop it first." >&2
      exit 1
    fi
  done
}

# Processes started with "... & PIDS+=($!)" are stopped on exit: TERM, then KILL after 20 s.
PIDS=()
stop_started() {
  [ ${#PIDS[@]} -gt 0 ] && kill -TERM "${PIDS[@]}" 2>/dev/null || true
  for _ in $(seq 1 40); do
    alive=false
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.5
  done
  [ ${#PIDS[@]} -gt 0 ] && kill -KILL "${PIDS[@]}" 2>/dev/null || true
}
trap stop_started EXIT

# local_keys DIR: the services' and the demo identity provider's keys, and the settings that point at them (as dev/run).
local_keys() {
  java "$ROOT/dev/DemoTool.java" keys "$1"
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$1/verify-keys.jwks"
  export SMALLRYE_JWT_SIGN_KEY_LOCATION="$1/private.pem"
  export DEMO_KEY_DIR="$1"
  ALERT_ACK_LINK_SECRET=$(cat "$1/ack-link.secret")
  export ALERT_ACK_LINK_SECRET
  export ALERT_ESCALATION_DEFAULT_FALLBACK_EMAIL=${ALERT_ESCALATION_DEFAULT_FALLBACK_EMAIL:-bench-operator@bench.example}
}
