#!/usr/bin/env bash
# cli-libraries.sh RETORT PROJECT_INI: fails when the command line loads any of
# the window's libraries. The loader's own account (LD_DEBUG=files) of a real
# `retort --version` and `retort -c INI heads` names every library mapped,
# linked or opened at run time, so a dependency that creeps back through
# retort_ui, a transitive link or a plugin is caught alike.
set -euo pipefail
retort=$1
ini=$2
window='libQt6(Widgets|Gui|PrintSupport|DBus|OpenGL|Xml)|qscintilla|keychain|libX11|libxcb|libGL|libEGL|fontconfig|freetype'
status=0
for args in "--version" "-c $ini heads"; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  log=$(RETORT_CACHE_DIR=off LD_DEBUG=files "$retort" $args 2>&1 >/dev/null) ||
    { echo "retort $args failed:"; echo "$log" | grep -v 'file=\|calling\|^ *[0-9]*: *$' ; exit 1; }
  loaded=$(echo "$log" | sed -n 's/.*file=\([^ ]*\) .*/\1/p' | sort -u)
  [ -n "$loaded" ] || { echo "LD_DEBUG=files reported no library for retort $args"; exit 1; }
  if bad=$(echo "$loaded" | grep -E "$window"); then
    echo "retort $args loads the window's libraries:"
    echo "$bad"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "retort loads no window library: $(echo "$loaded" | wc -l) libraries for heads"
exit "$status"
