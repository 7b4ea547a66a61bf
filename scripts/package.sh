#!/usr/bin/env bash
# Builds Retort's Debian package and checks it:
#   scripts/package.sh                   a build of its own in build-package/ (BUILD_DIR
#                                        overrides) with Debian's hardening flags
#                                        (dpkg-buildflags), tests left out
#   scripts/package.sh --from-build DIR  packages what DIR has already built (no compile
#                                        of its own; tests/packaging runs it on the tests' build)
# The .deb (stripped binary, copyright, changelog, man page, desktop file,
# AppStream metainfo, icon) and retort-dbgsym's .ddeb (the debug info, by build
# id) land in OUT_DIR (default: <build dir>/packages). lintian's findings are
# printed and saved there (lintian.txt); the script fails when lintian reports
# an error or a warning, or when appstreamcli finds the metainfo invalid.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

from_build=
while [ $# -gt 0 ]; do
  case $1 in
    --from-build) [ $# -ge 2 ] || retort_die "--from-build needs a build directory"; from_build=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) retort_die "unknown argument: $1 (see --help)" ;;
  esac
done

retort_ensure_packages

if [ -n "$from_build" ]; then
  build=$(cd "$from_build" && pwd)
  [ -f "$build/CPackConfig.cmake" ] || retort_die "$build is not a configured Retort build (no CPackConfig.cmake)"
else
  build=${BUILD_DIR:-$RETORT_ROOT/build-package}
  case $build in /*) ;; *) build=$PWD/$build ;; esac
  # Debian's own flags (fortify, stack protector, relro, now), as a package
  # built by dpkg-buildpackage would get them.
  eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
  retort_log "configuring in $build"
  CXXFLAGS="$CXXFLAGS $CPPFLAGS" cmake -S "$RETORT_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRETORT_BUILD_TESTS=OFF -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >/dev/null || retort_die "cmake configure failed"
  retort_log "building with -j${JOBS:-2}"
  cmake --build "$build" -j "${JOBS:-2}" --target retort retort_manpage retort_changelog ||
    retort_die "build failed"
fi
grep -q '^RETORT_HELP2MAN:FILEPATH=/' "$build/CMakeCache.txt" ||
  retort_die "$build was configured without help2man: no man page (install help2man, reconfigure)"

out=${OUT_DIR:-$build/packages}
case $out in /*) ;; *) out=$PWD/$out ;; esac
rm -rf "$out"
mkdir -p "$out"
retort_log "cpack into $out"
cpack -G DEB -B "$out" --config "$build/CPackConfig.cmake" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log" >&2; retort_die "cpack failed"; }
rm -rf "$out/_CPack_Packages"

deb=$(find "$out" -maxdepth 1 -name 'retort_*.deb' | head -n 1)
ddeb=$(find "$out" -maxdepth 1 -name 'retort-dbgsym_*.ddeb' | head -n 1)
[ -n "$deb" ] || retort_die "cpack made no .deb (see $out/cpack.log)"
[ -n "$ddeb" ] || retort_die "cpack made no -dbgsym .ddeb (see $out/cpack.log)"
retort_log "$(basename "$deb"): $(stat -c %s "$deb") bytes; $(basename "$ddeb"): $(stat -c %s "$ddeb") bytes"

# The metainfo as installed must be valid AppStream.
contents=$out/contents
mkdir -p "$contents"
dpkg-deb -x "$deb" "$contents"
appstreamcli validate --no-net "$contents/usr/share/metainfo/org.retort.Retort.metainfo.xml" >&2 ||
  retort_die "appstreamcli: the metainfo is not valid"
rm -rf "$contents"

# Tags kept on purpose are explained in packaging/lintian-notes.md.
status=0
lintian --info --display-info --tag-display-limit 0 "$deb" >"$out/lintian.txt" 2>&1 || status=$?
cat "$out/lintian.txt"
grep -q '^[EW]: ' "$out/lintian.txt" && retort_die "lintian reports errors or warnings (above)"
[ "$status" -eq 0 ] || retort_die "lintian failed (exit $status)"
retort_log "package: $deb"
