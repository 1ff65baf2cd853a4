#!/bin/sh
# Installs the Skiff agent on a Debian or Raspberry Pi OS device and starts it:
#
#   sudo installers/install.sh [FILE.deb]
#
# Without FILE.deb it takes the package the Maven build wrote (installers/target/). Then it
# checks that a Java runtime >= 21 is there (installing one from apt where the release has it),
# and enables and starts the service where systemd runs.
set -eu

here=$(dirname "$(readlink -f "$0")")
die() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (sudo $0 $*)"
deb=${1:-$(ls "$here"/target/skiff-agent_*_all.deb 2>/dev/null | tail -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || die "no skiff-agent .deb found; build one (mvn -B package -pl installers -am) or name its path"
deb=$(readlink -f "$deb")

if command -v apt-get >/dev/null; then
  # apt resolves Depends (and installs a recommended Java where one is available)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb"
else
  dpkg -i "$deb"
fi

# The launcher's own search decides whether a good Java is there; --version exercises it.
if ! /usr/bin/skiff-agent --version; then
  for jre in openjdk-25-jre-headless openjdk-21-jre-headless; do
    if [ -n "$(apt-cache policy "$jre" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v '(none)')" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$jre"
      break
    fi
  done
  /usr/bin/skiff-agent --version ||
    die "installed, but no Java 21 or newer: install one (e.g. Temurin 21), then: systemctl restart skiff-agent"
fi

if [ -d /run/systemd/system ]; then
  systemctl enable --now skiff-agent.service
  systemctl --no-pager status skiff-agent.service || true
else
  echo "install.sh: systemd is not running here; the service is enabled for the next boot"
fi
cat <<'NEXT'
Next: put the public key your images are signed with under /etc/skiff-agent/keys/, list it under
trust: keys in /etc/skiff-agent/config.yaml (until then every deploy is refused), and
systemctl restart skiff-agent.
NEXT
