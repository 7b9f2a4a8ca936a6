# Checks for what CaseGrains needs and installs it from Debian's packages where it can. Sourced by run.sh and test.sh.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Installing needs root: run '$*' as root, then try again." >&2; return 1; fi
}

apt_install() {
  if [ -z "${CASEGRAINS_APT_UPDATED:-}" ]; then as_root apt-get update -qq; export CASEGRAINS_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "The .NET 10 SDK is needed (dotnet on PATH); this machine has none." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

ensure_postgres_binaries() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "Installing PostgreSQL server binaries (Debian package postgresql)…"
    apt_install postgresql
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null; then
    echo "Installing Node.js and npm (Debian packages)…"
    apt_install nodejs npm
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium for the browser tests (Debian package chromium)…"
    apt_install chromium fonts-noto-cjk
  fi
}
