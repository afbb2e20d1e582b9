# ensure_packages COMMAND:PACKAGE ... installs each Debian package whose command is missing.
# The pseudo-command "fonts" checks for the Noto CJK fonts instead.
ensure_packages() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    if [ "$cmd" = fonts ]; then
      fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=("$pkg")
    elif [ "$cmd" = pg_ctlcluster ]; then
      ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=("$pkg")
    else
      command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
