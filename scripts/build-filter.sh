#!/usr/bin/env bash
# Shorten `swift build` output for people watching it (make demo): one line per module as
# it starts compiling, the link, and every other line (errors, warnings) as it is.
#
# The one kind of line held back is glibc's link-time notice for a static executable,
#   warning: Using 'getpwuid_r' in statically linked applications requires at runtime
#   the shared libraries from the glibc version used for linking
# one per NSS/dlopen function that some linked library references. They are summed up in
# one note at the end, with what they mean for strun (see the note's text below).
awk '
  /^\[[0-9]+\/[0-9]+\] Compiling / {
    if (!($3 in seen)) { seen[$3] = 1; printf "    %s compiling %s\n", $1, $3; fflush() }
    next
  }
  /^\[[0-9]+\/[0-9]+\] Linking / { print "    " $0; fflush(); next }
  /^\[[0-9]+\/[0-9]+\] / { next }
  /Using .[a-z_0-9]+. in statically linked applications requires at runtime/ {
    match($0, /Using .[a-z_0-9]+./)
    name = substr($0, RSTART + 7, RLENGTH - 8)
    if (!(name in nss)) { nss[name] = 1; names = names (names == "" ? "" : ", ") name; n++ }
    next
  }
  /warning: the use of .mktemp. is dangerous/ { mktemp = 1; next }
  { print "    " $0; fflush() }
  END {
    if (n > 0) {
      print "    note: the linker warned that " n " glibc functions (" names ") need, in a static binary,"
      print "    the NSS/dlopen libraries of the glibc it was linked with. Swift'"'"'s runtime libraries"
      print "    reference them (user and group lookup, dlopen); strun never calls them: it reads users"
      print "    and groups from the container'"'"'s own /etc/passwd and /etc/group."
    }
    if (mktemp) print "    note: FoundationEssentials also references mktemp (a linker warning); strun does not use it."
    if (n > 0 || mktemp) print "    See README.md, \"How long, and the static build\"."
  }'
