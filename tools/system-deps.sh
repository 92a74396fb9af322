#!/usr/bin/env bash
# Installs, when missing, the system libraries Qt needs offscreen and a PostgreSQL server
# for the test suite. Never fails the build: what cannot be installed is reported and the
# tests that need it skip with a reason.
set -u
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || need+=(libegl1)
have_lib libxkbcommon.so.0 || need+=(libxkbcommon0)
have_lib libfontconfig.so.1 || need+=(libfontconfig1)
have_lib libGL.so.1 || need+=(libgl1)
have_lib libdbus-1.so.3 || need+=(libdbus-1-3)
# Qt's xcb platform plugin (a real window on an X11 desktop, or under Xvfb).
have_lib libxcb-cursor.so.0 || need+=(libxcb-cursor0)
have_lib libxcb-icccm.so.4 || need+=(libxcb-icccm4)
have_lib libxcb-image.so.0 || need+=(libxcb-image0)
have_lib libxcb-keysyms.so.1 || need+=(libxcb-keysyms1)
have_lib libxcb-randr.so.0 || need+=(libxcb-randr0)
have_lib libxcb-render-util.so.0 || need+=(libxcb-render-util0)
have_lib libxcb-shape.so.0 || need+=(libxcb-shape0)
have_lib libxcb-xinerama.so.0 || need+=(libxcb-xinerama0)
have_lib libxcb-xkb.so.1 || need+=(libxcb-xkb1)
have_lib libxkbcommon-x11.so.0 || need+=(libxkbcommon-x11-0)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
# LibreOffice Calc recalculates the ledger workbook's formulas in a test (the figures must equal
# coop-desk's own); without it that test is skipped.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# pdftotext reads back the PDFs the program prints (the Assembly report's totals in Spanish).
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]}; install them with your package manager" >&2
  exit 0
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
(apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}") >/tmp/coop-desk-apt.log 2>&1 \
  || echo "system-deps: apt-get failed (see /tmp/coop-desk-apt.log); dependent tests will skip" >&2
exit 0
