#!/usr/bin/env bash
# `make hub`: a class hub on this one machine, for a trial (run as root).
# Creates the accounts it is given (homes mode 700) and the hand-in account if they are missing,
# keeps the hub's state in .hub-state/, and signs everyone in with one trial password.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "make hub starts each learner's server as that learner's own Unix account, so it needs root:" >&2
  echo "  sudo make hub" >&2
  exit 1
fi
LEARNERS=${LEARNERS:-"learner1 learner2 learner3"}
INSTRUCTORS=${INSTRUCTORS:-"instructor1"}
HANDIN_USER=${HANDIN_USER:-careerlab-handin}
STATE="$PWD/.hub-state"
mkdir -p "$STATE"
chmod 711 "$STATE"

for name in $LEARNERS $INSTRUCTORS; do
  if ! id -u "$name" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash --comment "careerlab trial" -K HOME_MODE=0700 "$name"
    echo "created the account $name (remove it later with: userdel -r $name)"
  fi
done
if ! id -u "$HANDIN_USER" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin --comment "careerlab hand-in store" "$HANDIN_USER"
fi
if [ ! -s "$STATE/trial-password" ]; then
  (umask 077; .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(12))' > "$STATE/trial-password")
fi

export CAREERLAB_HUB_STATE="$STATE" CAREERLAB_HUB_AUTH=shared-password
export CAREERLAB_HUB_PASSWORD="$(cat "$STATE/trial-password")"
export CAREERLAB_HUB_LEARNERS="$LEARNERS" CAREERLAB_HUB_INSTRUCTORS="$INSTRUCTORS"
export CAREERLAB_HUB_HANDIN_USER="$HANDIN_USER"
echo
echo "Class hub for a trial: open http://127.0.0.1:${CAREERLAB_HUB_PORT:-8000}/"
echo "  learners:    $LEARNERS"
echo "  instructors: $INSTRUCTORS"
echo "  password:    $CAREERLAB_HUB_PASSWORD   (the same for every account; stored in .hub-state/trial-password)"
echo "Stop it with Ctrl+C."
# The hub runs as its own job (set -m: its own process group). On Ctrl+C that whole group (hub,
# proxy, services) gets exactly one SIGTERM, and the hub then stops every learner's server: make
# passes signals on to its children, and JupyterHub 6.1 hangs when a second signal interrupts its
# clean-up, or while a service it is stopping ignores SIGINT.
ROOT_DIR="$PWD"
cd "$STATE"
set -m
"$ROOT_DIR/.venv/bin/jupyterhub" -f "$ROOT_DIR/deploy/jupyterhub/jupyterhub_config.py" &
hub=$!
stopping=
stop() { if [ -z "$stopping" ]; then stopping=1; echo "Stopping the hub and every server..."; kill -TERM -- "-$hub" 2>/dev/null || true; fi; }
trap stop INT TERM HUP
while kill -0 "$hub" 2>/dev/null; do wait "$hub" || true; done
